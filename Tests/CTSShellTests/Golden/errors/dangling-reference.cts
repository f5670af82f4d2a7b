# A reference to a record that does not exist.
# exit: 1
include "_base.cts"
unit add nj "Nanjing" kind=locality level=city parent=nanjing
echo not reached
