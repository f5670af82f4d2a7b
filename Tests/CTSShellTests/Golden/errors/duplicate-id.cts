# Adding an id that exists.
# exit: 1
include "_base.cts"
cadre add c1 "Li Wei (again)" unit=js rank=staff category=leading
echo not reached
