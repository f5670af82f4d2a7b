# A ( left open runs to the end of the file: the error points at it.
# exit: 1
include "_base.cts"
list cadres where (rank = staff or rank = county
