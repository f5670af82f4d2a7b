# EXPR of cadre ID evaluates EXPR on one record.
include "_data.cts"
print hours(2009) of cadre c1
print hours(2008..2012) of cadre c1
print hours(lead5y) of cadre c3
print name of cadre c3
print unit.name of cadre c4
print compliant(lead5y) of cadre c1
print applies(lead5y) of cadre c2
print title of course k2
print hours of course k2
print unit.level of cadre c5
let who = c5
print hours(2010) of cadre $who
assert hours(2009) of cadre c1 = 390 "c1 has k1 (300) and k2 (90)"
assert hours(2010) of cadre c5 = 21.5
assert name of cadre c4 = "Núñez Peña"
echo all asserts passed
