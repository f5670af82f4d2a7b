# budget set and plan set add the line for (unit, year), or change it.
include "_base.cts"
set verbose on
budget set nj.fin 2009 funds=1200000 revenue=32000000000
budget set nj.fin 2010 funds=1260000 revenue=36000000000
budget set nj.fin 2009 funds=1250000 revenue=32000000000 spent=1180000
plan set nj.fin 2010 participants=40 hours=3600
plan set nj.fin 2010 participants=45 hours=3600
plan set js.org 2010 participants=12 hours=1000
list budgets
list plans
