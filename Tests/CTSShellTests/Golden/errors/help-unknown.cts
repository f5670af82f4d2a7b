# help for something that does not exist.
# exit: 1
include "_base.cts"
help enrol
echo not reached
