# An include cycle is an error that names the cycle.
# exit: 1
include "lib/_cycle-a.cts"
echo not reached
