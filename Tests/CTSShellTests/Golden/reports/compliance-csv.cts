# Reports take the output clause like queries.
include "_data.cts"
report compliance lead5y by rank as csv
report compliance yearly by unit as json
