# An unknown command, with the closest one.
# exit: 1
include "_base.cts"
enrol c1 in k1
echo not reached
