# stats needs a number.
# exit: 1
include "_base.cts"
stats name of cadres
echo not reached
