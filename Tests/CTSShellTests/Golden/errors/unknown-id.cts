# An unknown id among several: the caret is under that one.
# exit: 1
include "_base.cts"
enroll c1,c3 in k1
echo not reached
