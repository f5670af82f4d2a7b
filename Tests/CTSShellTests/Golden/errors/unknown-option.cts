# An unknown key=value option.
# exit: 1
include "_base.cts"
cadre add c3 "Zhao Gang" unit=js rank=staff category=leading bron=1970
echo not reached
