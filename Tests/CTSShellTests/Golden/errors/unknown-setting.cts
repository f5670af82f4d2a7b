# An unknown setting.
# exit: 1
include "_base.cts"
set fromat csv
echo not reached
