# ndjson: the json objects, one a line, without spaces; no rows, no lines.
include "_data.cts"
list cadres sort rank desc columns id, name, rank, born, hours(2009), hours(2009) > 100 as ndjson
list cadres where born > 3000 as ndjson
set format ndjson
count cadres by unit
