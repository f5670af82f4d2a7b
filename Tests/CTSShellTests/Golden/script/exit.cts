# exit inside an included file stops everything.
echo before
include "lib/_exit.cts"
echo not reached
