# Withdrawing after completion.
# exit: 1
include "_base.cts"
enroll c1 in k1
complete c1 in k1
withdraw c1 in k1
echo not reached
