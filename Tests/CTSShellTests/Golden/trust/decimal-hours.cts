# exit: 1
# Class hours and money add and compare exactly: 20.7 + 24.9 + 4.4 is 50, so a 50-hour
# rule is met, with nothing short (not 49.99999999999999 and 7.1e-15 hours short).
include "_province.cts"
course add k1 "Part one" kind=off-job provider=js.ps start=2009-01-05 end=2009-01-09 hours=20.7
course add k2 "Part two" kind=off-job provider=js.ps start=2009-02-02 end=2009-02-06 hours=24.9
course add k3 "Part three" kind=off-job provider=js.ps start=2009-03-02 end=2009-03-02 hours=4.4
rule add r50 "Fifty hours" for=(rank >= county) period=2009..2009 hours=50
enroll c1,c2 in k1
enroll c1,c2 in k2
enroll c1 in k3
complete c1,c2 in k1
complete c1,c2 in k2
complete c1 in k3
assert hours(r50) of cadre c1 = 50
assert compliant(r50) of cadre c1
print hours(2009) of cadre c1
report compliance r50
list cadres columns id, hours(r50), compliant(r50) as csv
stats hours of enrollments by cadre
# Money too: 0.1 + 0.2 of a yuan is 0.3.
budget set nj 2009 funds=0.1 revenue=100.7
budget set nj 2010 funds=0.2 revenue=100.8
print sum(funds of budgets) = 0.3
print sum(funds of budgets)
print sum(revenue of budgets)
# Other arithmetic may be binary floating point.
print 1 / 3
# More than three decimals is refused for hours and money.
course add k9 "Too fine" kind=off-job provider=js.ps start=2009-03-02 end=2009-03-02 hours=1.2345
