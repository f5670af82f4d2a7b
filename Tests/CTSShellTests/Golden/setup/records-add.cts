# args: --echo
# budget set, plan set, inspection add, finding add and practice add.
unit add js.org "Organization Department of Jiangsu" kind=organization level=province
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city
budget set nj.fin 2009 funds=1200000 revenue=3.2e10
budget set nj.fin 2010 funds=1_260_000 revenue=36000000000 spent=1250000.5
plan set nj.fin 2010 participants=40 hours=3600
inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope="Training files"
inspection add i2 by=js.org unit=nj.fin date=2011-03-01
finding add f1 inspection=i1 "Training records incomplete for 2009" severity=medium due=2010-08-31
finding add f2 "No plan for 2011" inspection=i2 severity=high due=2011-06-30
practice add p1 unit=nj.fin year=2010 "Evening classes on public finance" promoted=yes
practice add p2 unit=nj.fin year=2011 "Study groups"
list budgets
list plans
list inspections
list findings
list practices
