# Enrolling more cadres than the capacity.
# exit: 1
include "_base.cts"
course set k1 capacity=1
enroll c1,c2 in k1
echo not reached
