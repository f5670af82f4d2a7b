# A file opened --read-only is not saved to (another file may be).
# args: --read-only -s empty.ctsdb
# exit: 1
count units
save
