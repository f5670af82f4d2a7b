# An unknown field in sort.
# exit: 1
include "_base.cts"
list cadres sort rnak desc
echo not reached
