# A field where a condition is needed.
# exit: 1
include "_base.cts"
list cadres where name
echo not reached
