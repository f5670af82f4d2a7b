# A ( left open swallows the next line: the note says where it was opened.
# exit: 1
include "_base.cts"
list cadres where (rank = staff
count cadres
echo not reached
