# Whole numbers below 2^53 print without ".0" in every format; larger ones in shortest form.
include "_province.cts"
budget set nj 2009 funds=1000000000000 revenue=999999999999999
print 1e15
print 1000000000000000 + 1
print 9007199254740991
print 1e16
list budgets columns unit, year, funds, revenue, revenue * 2
list budgets columns revenue * 2 as csv
list budgets columns revenue * 2 as json
