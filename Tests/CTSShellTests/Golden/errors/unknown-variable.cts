# A variable that was never defined.
# exit: 1
include "_base.cts"
let year = 2009
print hours($yaer) of cadre c1
echo not reached
