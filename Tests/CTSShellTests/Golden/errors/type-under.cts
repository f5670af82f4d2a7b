# under needs a unit on its left.
# exit: 1
include "_base.cts"
list cadres where rank under js
echo not reached
