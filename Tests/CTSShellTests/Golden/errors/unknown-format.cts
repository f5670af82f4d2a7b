# An unknown format.
# exit: 1
include "_base.cts"
list cadres as cvs
echo not reached
