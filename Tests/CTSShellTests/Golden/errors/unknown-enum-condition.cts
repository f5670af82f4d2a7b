# An unknown enum value in a condition, inside a list.
# exit: 1
include "_base.cts"
list cadres where rank in (staff, bureu)
echo not reached
