# A collection word typed as a command says how to list it.
# exit: 1
include "_base.cts"
cadres
echo not reached
