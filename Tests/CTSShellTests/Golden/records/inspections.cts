# inspection add, finding add, finding resolve.
include "_base.cts"
set verbose on
inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope="Training files"
finding add f1 inspection=i1 "Training records incomplete for 2009" severity=medium due=2010-08-31
finding add f2 inspection=i1 "No evaluation of courses" severity=low due=2010-12-31
finding resolve f1 date=2010-08-15
list findings
count findings where status = open
