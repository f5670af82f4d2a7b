# --safe: an include is refused at its file name, before the file is read; the script stops
# there (exit 1) and the included script does not run.
# args: --safe
# exit: 1
echo before
include "_marker.cts"
echo not reached
