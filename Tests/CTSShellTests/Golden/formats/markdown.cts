# The same query as markdown: text, an enum, numbers (390, 7.5, 0.25), booleans and an absent value.
include "_data.cts"
list cadres sort rank desc columns id, name, rank, born, hours(2009), hours(2009) / 40, hours(2009) / 1200, hours(2009) > 100 as markdown
