# Arithmetic on an enum.
# exit: 1
include "_base.cts"
list cadres where rank + 1 > 2
echo not reached
