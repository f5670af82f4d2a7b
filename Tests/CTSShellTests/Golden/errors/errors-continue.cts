# set errors continue works like --keep-going from that line on.
# exit: 1
include "_base.cts"
set errors continue
enroll c1 in k9
echo still running
set errors stop
enroll c1 in k8
echo not reached
