# An unknown enum value in an option.
# exit: 1
include "_base.cts"
cadre add c3 "Zhao Gang" unit=js rank=staf category=leading
echo not reached
