# Shared data for the report cases (a helper, not a case). The expected numbers are
# worked out by hand in the comments of each case.
set today 2010-12-01
unit add js "Jiangsu Province" kind=locality level=province
unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
unit add nj "Nanjing" kind=locality level=city parent=js
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=nj
unit add nj.edu "Nanjing Education Bureau" kind=department level=city parent=nj
unit add sz "Suzhou" kind=locality level=city parent=js
unit add sz.fin "Suzhou Finance Bureau" kind=department level=city parent=sz
unit add sz.ps "Suzhou Party School" kind=institution level=city parent=sz

cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading
cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
cadre add c3 "Zhang Min" unit=js.org rank=bureau category=leading
cadre add c4 "Chen Jie" unit=nj.edu rank=county category=leading
cadre add c5 "Liu Yang" unit=sz.fin rank=bureau category=leading
cadre add c6 "Zhou Hua" unit=sz.fin rank=township category=technical
cadre add c7 "Sun Li" unit=sz rank=county category=leading

course add k1 "Scientific Outlook on Development" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300 capacity=40
course add k2 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12 capacity=30
course add k3 "Rural Reform Lecture" kind=lecture provider=sz.ps start=2010-06-01 end=2010-06-01 hours=3
course add k4 "County Rotation" kind=rotation provider=sz.ps start=2010-03-01 end=2010-08-31 hours=280 capacity=10
course add k5 "Online Ethics" kind=online provider=js.ps start=2011-01-10 end=2011-02-10 hours=40

rule add lead5y "Leading cadres: 550 hours in 5 years" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation,short-term
rule add yearly "Every cadre: 12 days a year" for=(status = active) period=2009..2009 days=12
exempt c7 from lead5y reason="On secondment abroad"

enroll c1,c3,c4,c5 in k1
complete c1,c3,c5 in k1
absent c4 in k1
enroll c1,c2,c4 in k2
complete c1,c2 in k2
withdraw c4 in k2
enroll c1,c2,c6 in k3
complete c1,c2,c6 in k3
enroll c1,c4,c5 in k4
complete c1 in k4
complete c5 in k4 hours=260
enroll c3,c6 in k5
complete c3 in k5

budget set nj.fin 2008 funds=1000000 revenue=30000000000
budget set nj.fin 2009 funds=1200000 revenue=32000000000 spent=1150000
budget set nj.fin 2010 funds=1260000 revenue=36000000000
budget set sz.fin 2009 funds=800000 revenue=20000000000
budget set sz.fin 2010 funds=960000 revenue=21000000000
budget set js.org 2010 funds=500000 revenue=1000000

plan set nj 2010 participants=5 hours=1000
plan set nj.fin 2010 participants=2 hours=400
plan set sz 2010 participants=4 hours=600
plan set js.org 2010 participants=1 hours=100

inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope="Training files"
finding add f1 inspection=i1 "Training records incomplete for 2009" severity=medium due=2010-08-31
finding add f2 inspection=i1 "No evaluation of courses" severity=low due=2010-12-31
finding add f3 inspection=i1 "Funds used for travel" severity=high due=2010-06-30
finding resolve f3 date=2010-06-20
inspection add i2 by=js.org unit=sz.fin date=2010-09-01
finding add f4 inspection=i2 "No training plan" severity=high due=2010-10-31
finding add f5 inspection=i2 "Trainer files missing" severity=medium due=2010-12-01
