# Crediting more hours than the course is worth.
# exit: 1
include "_base.cts"
enroll c1 in k1
complete c1 in k1 hours=400
echo not reached
