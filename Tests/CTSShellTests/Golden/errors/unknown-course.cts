# An unknown course.
# exit: 1
include "_base.cts"
complete c1 in k2
echo not reached
