# An error inside an included file names that file, and stops the including script too.
# exit: 1
echo before
include "lib/_bad.cts"
echo not reached
