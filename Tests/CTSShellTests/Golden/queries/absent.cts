# Absent values: shown empty, never equal to anything, skipped by stats.
include "_data.cts"
list cadres where born > 1960 columns id, born
list cadres where born = 1966 or born < 1962 columns id, born
list cadres where not (born > 1960) columns id, born
list courses columns id, capacity
list courses where capacity >= 40 columns id, capacity
stats capacity of courses
print born of cadre c4
print avg(hours of enrollments where status = absent)
count cadres by born
