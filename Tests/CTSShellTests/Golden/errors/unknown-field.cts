# An unknown field in a condition.
# exit: 1
include "_base.cts"
list cadres where rnak = staff
echo not reached
