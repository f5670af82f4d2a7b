# E remove ID is refused while other records refer to it.
# exit: 1
include "_base.cts"
set verbose on
course remove k3
enroll c1 in k1
course remove k1
echo not reached
