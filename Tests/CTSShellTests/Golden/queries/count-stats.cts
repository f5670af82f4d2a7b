# count and stats, with where and by; groups sorted by the field.
include "_data.cts"
count cadres
count cadres where status = active
count cadres by rank
count cadres where status = active by unit
count enrollments by status
count courses where kind = overseas
stats hours of enrollments where status = completed
stats hours of enrollments where status = completed by course
stats hours(2009) of cadres by category
stats born of cadres
stats hours of courses where kind = overseas
