# An unknown second word lists the ones the first word takes.
# exit: 1
include "_base.cts"
cadre ad c3 "Zhao Gang" unit=js rank=staff category=leading
echo not reached
