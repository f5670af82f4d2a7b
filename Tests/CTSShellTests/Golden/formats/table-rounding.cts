# In table format, averages and quotients are rounded to 2 decimals; numbers as entered
# (up to 3 decimals) and whole numbers are shown exactly; csv, tsv and json stay exact
# (issue 7, item 25). A bare print shows the exact value.
print 33640 / 17
print 33640 / 17 as table
print 33640 / 17 as csv
print 33640 / 17 as json
print 1.125 as table
print -1 / 1000000 as table
print 2 / 3 as tsv
print 9.9999 as table
unit add js "Jiangsu" kind=locality level=province
unit add js.ps "Party School" kind=institution level=province parent=js
course add k1 "A" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=10
course add k2 "B" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=12.5
course add k3 "C" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=13.125
stats hours of courses
stats hours of courses as csv
list courses columns id, hours, hours / 3
