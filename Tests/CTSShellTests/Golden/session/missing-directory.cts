# A session file in a directory that does not exist: exit 3, nothing created.
# args: -s nodir/province.ctsdb
# exit: 3
count units
