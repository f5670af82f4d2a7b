# args: --keep-going
# exit: 1
# A report "as of" a day is computed as of that day: a finding resolved later was open
# (and overdue) then; an inspection after the day had found nothing yet.
include "_province.cts"
inspection add i1 by=js.org unit=nj date=2010-05-12 scope="Training files"
finding add f1 inspection=i1 "Records incomplete for 2009" severity=medium due=2010-08-31
finding add f2 inspection=i1 "No yearly plan" severity=high due=2010-06-30
finding resolve f1 date=2011-03-01
inspection add i2 by=js.org unit=nj date=2011-01-10
finding add f3 inspection=i2 "Budget not in the work plan" severity=low due=2011-06-30
set today 2010-09-15
report inspections
report inspections overdue
set today 2011-12-31
report inspections
# A resolution dated before its inspection is refused, however it is entered.
finding set f1 resolved=2010-01-01
inspection set i1 date=2011-04-01
finding resolve f3 date=2010-12-31
