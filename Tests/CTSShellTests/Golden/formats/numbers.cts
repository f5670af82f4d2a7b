# Numbers print in shortest form however they were written: 1_200_000, 3.2e10, 1250000.50.
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city
budget set nj.fin 2009 funds=1_200_000 revenue=3.2e10 spent=1250000.50
budget set nj.fin 2010 funds=1260000 revenue=36000000000 spent=0.25
list budgets as csv
list budgets as json
list budgets
print 7.5 * 52
print 1 / 4
print 3.2e10
