# --keep-going reports the error and runs the rest; the status is still 1.
# args: --keep-going
# exit: 1
echo one
count cadrez
echo two
