# A unit cannot be placed below itself.
# exit: 1
include "_base.cts"
unit set js parent=nj.fin
echo not reached
