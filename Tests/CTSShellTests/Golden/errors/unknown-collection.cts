# An unknown collection.
# exit: 1
include "_base.cts"
count cadrs where rank = staff
echo not reached
