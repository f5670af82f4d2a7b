# A required option that is missing: the usage follows.
# exit: 1
include "_base.cts"
cadre add c3 "Zhao Gang" unit=js rank=staff
echo not reached
