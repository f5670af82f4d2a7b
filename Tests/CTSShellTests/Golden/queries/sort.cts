# sort (several keys, desc), limit, columns; without sort, the order records were added.
include "_data.cts"
list cadres columns id, name
list cadres sort rank desc, name columns id, rank, name
list cadres sort category, born desc columns id, category, born
list cadres sort born columns id, born
list cadres sort born desc limit 3 columns id, born
list enrollments where status = completed sort hours desc, cadre limit 4 columns cadre, course, hours
list cadres sort hours(2009) + hours(2010) desc limit 2 columns id, hours(2009) + hours(2010)
list courses limit 2 columns id, title
list courses limit 0
