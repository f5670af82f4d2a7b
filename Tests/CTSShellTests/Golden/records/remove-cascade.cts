# E remove ID cascade removes the records that refer to it too, and says how many.
include "_base.cts"
enroll c1,c2,c3 in k1
enroll c1 in k2
budget set nj.fin 2009 funds=1200000 revenue=32000000000
inspection add i1 by=js.org unit=nj.fin date=2010-05-12
finding add f1 inspection=i1 "Training records incomplete" severity=medium due=2010-08-31
course remove k1 cascade
count enrollments
cadre remove c2 cascade
unit remove nj.fin cascade
count cadres
count inspections
count findings
count budgets
list enrollments
# Cascade follows the tree: units below, their cadres, the courses they give.
practice add p1 unit=nj year=2010 "Evening classes"
unit remove js cascade
count units
