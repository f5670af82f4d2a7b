# E show ID for every kind: every field, then the records that refer to it.
unit add js "Jiangsu Province" kind=locality level=province
unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=js
cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
course add k1 "Scientific Outlook on Development" kind=off-job provider=js.ps organizer=js.org start=2009-03-02 end=2009-04-24 hours=300 capacity=40
course add k2 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12
rule add lead5y "Leading cadres: 550 hours in 5 years" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation,short-term
rule add yearly "Every cadre: 12 days a year" for=(status = active) period=2009..2009 days=12
exempt c2 from yearly reason="On maternity leave"
enroll c1,c2 in k1
complete c1 in k1
enroll c1 in k2
complete c1 in k2 hours=60
budget set nj.fin 2009 funds=1200000 revenue=32000000000 spent=1100000
plan set nj.fin 2009 participants=40 hours=3600
inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope="Training files"
finding add f1 inspection=i1 "Training records incomplete for 2009" severity=medium due=2010-08-31
finding resolve f1 date=2010-08-15
practice add p1 unit=nj.fin year=2010 "Evening classes on public finance" promoted=yes
unit show js
unit show js.org
unit show js.ps
unit show nj.fin
cadre show c1
cadre show c2
course show k1
course show k2
rule show lead5y
rule show yearly
budget show nj.fin 2009
plan show nj.fin 2009
inspection show i1
finding show f1
practice show p1
