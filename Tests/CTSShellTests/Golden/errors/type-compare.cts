# Comparing values of different types.
# exit: 1
include "_base.cts"
list cadres where name > 3
echo not reached
