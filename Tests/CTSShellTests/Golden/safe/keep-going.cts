# --safe with 'set errors continue' (as with --keep-going): every refused command is
# reported, the others run, and the status is 1.
# args: --safe
# exit: 1
set errors continue
include "_marker.cts"
echo one
import units from "_units.csv"
echo two
