# Completing without enrolling first.
# exit: 1
include "_base.cts"
complete c1 in k1
echo not reached
