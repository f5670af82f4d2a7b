# --safe: 'open' of another file is refused before the file is read.
# args: --safe -s work.ctsdb
# exit: 1
open "other.ctsdb"
echo not reached
