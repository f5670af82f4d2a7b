# args: --keep-going
# exit: 1
# Devices, directories and pipes cannot be included or imported: they are refused with an
# error instead of read without end (issue 7, item 21).
include "/dev/zero"
import units from "/dev/zero"
include "/tmp"
import units from "/tmp"
echo still here
