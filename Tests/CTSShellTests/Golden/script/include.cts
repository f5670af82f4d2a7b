# include is relative to the including file: lib/_units.cts includes lib/_cadres.cts.
include "lib/_units.cts"
list cadres columns id, name, unit
