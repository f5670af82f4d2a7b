# Aggregates anywhere an expression is: in conditions, print, let and columns.
include "_data.cts"
print count(cadres)
print count(cadres where rank >= county)
print sum(hours of enrollments where status = completed)
print avg(hours of enrollments where course = k2)
print min(born of cadres)
print max(born of cadres where category = leading)
print avg(hours of enrollments where course = k4 and status = enrolled)
list cadres where hours(2009) > avg(hours(2009) of cadres) columns id, hours(2009)
list cadres where born = min(born of cadres) columns id, name, born
list courses where count(enrollments where course = k1) > 2 columns id
let total = sum(hours of enrollments)
print $total
print $total / count(cadres)
