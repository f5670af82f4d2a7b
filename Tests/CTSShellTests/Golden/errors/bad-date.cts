# A date that does not exist.
# exit: 1
include "_base.cts"
course add k2 "Public Finance" kind=short-term provider=js.ps start=2009-02-30 end=2009-03-13 days=12
echo not reached
