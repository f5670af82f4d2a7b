# Enrolling a cadre who is already enrolled.
# exit: 1
include "_base.cts"
enroll c1 in k1
enroll c2,c1 in k1
echo not reached
