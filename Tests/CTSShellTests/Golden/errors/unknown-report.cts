# An unknown report.
# exit: 1
include "_base.cts"
report complience lead5y
echo not reached
