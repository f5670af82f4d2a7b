# >> refuses what would leave a file that is not one document: csv rows under another
# header, and json (an array cannot grow by appending; ndjson can).
# args: --keep-going
# exit: 1
include "_data.cts"
list units as csv > "units.csv"
list units columns id, name as csv >> "units.csv"
list units as json > "units.json"
list units as json >> "units.json"
list units as json >> "new.json"
list units as ndjson >> "units.ndjson"
list units as ndjson >> "units.ndjson"
echo the ndjson appends worked
