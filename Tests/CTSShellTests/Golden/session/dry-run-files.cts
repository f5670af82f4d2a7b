# --dry-run writes no file at all: not the session file, nor redirections, dump, export or
# save FILE; the summary lists what the script would have written.
# args: --dry-run -s empty.ctsdb
unit add js "Jiangsu" kind=locality level=province
list units as csv > "units.csv"
count units >> "log.txt"
count units >> "log.txt"
dump "session.cts"
export units to "units.json" as json
save "copy.ctsdb"
save
