# set format changes the default; 'as' still wins for one query.
include "_data.cts"
set format csv
count cadres
count cadres by rank
stats hours of enrollments where status = completed by course
list enrollments
list cadres columns id, name as table
set format json
count cadres by category
print hours(2009) of cadre c1
print hours(2009) of cadre c1 as json
set format markdown
list units columns id, name, parent
set format tsv
list budgets
