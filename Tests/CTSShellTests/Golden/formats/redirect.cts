# > FILE and >> FILE write the result to a file, not to the screen.
include "_data.cts"
list cadres as csv > "cadres.csv"
count cadres >> "cadres.csv"
report inspections > out.txt
list units as ndjson >> out.txt
echo written
