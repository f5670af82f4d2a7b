# practice add, with and without promoted=yes.
include "_base.cts"
set verbose on
practice add p1 unit=nj.fin year=2010 "Evening classes on public finance" promoted=yes
practice add p2 unit=js.org year=2010 "Study groups in every branch"
practice set p2 promoted=yes
list practices where promoted = yes columns id, unit, year
