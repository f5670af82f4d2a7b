# An enum compared with a number.
# exit: 1
include "_base.cts"
count cadres where rank = 3
echo not reached
