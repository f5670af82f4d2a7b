# A string without its closing quote.
# exit: 1
include "_base.cts"
cadre add c3 "Zhao Gang unit=js rank=staff category=leading
echo not reached
