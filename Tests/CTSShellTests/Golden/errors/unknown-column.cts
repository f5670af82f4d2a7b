# An unknown field in columns.
# exit: 1
include "_base.cts"
list cadres columns id, nmae, rank
echo not reached
