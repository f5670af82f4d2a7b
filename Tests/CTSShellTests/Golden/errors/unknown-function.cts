# An unknown function.
# exit: 1
include "_base.cts"
list cadres where hourz(2009) > 10
echo not reached
