# exit: 1
echo before
include "lib/_missing.cts"
echo not reached
