# A file that cannot be written is an error at the file name; nothing after it runs.
# exit: 1
include "_data.cts"
list cadres as csv > "no/such/dir/x.csv"
echo not reached
