# Shared data for the query cases (a helper, not a case).
unit add js "Jiangsu Province" kind=locality level=province
unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
unit add nj "Nanjing" kind=locality level=city parent=js
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=nj
unit add nj.edu "Nanjing Education Bureau" kind=department level=city parent=nj
unit add sz "Suzhou" kind=locality level=city parent=js
unit add sz.ps "Suzhou Party School" kind=institution level=city parent=sz

cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant born=1982
cadre add c3 "张敏" unit=js.org rank=bureau category=leading born=1961
cadre add c4 "Núñez Peña" unit=nj.edu rank=township category=technical
cadre add c5 "Ana 🎓 Ruiz" unit=sz rank=county category=leading born=1970
cadre add c6 "Wang Lei" unit=sz rank=staff category=grassroots born=1990

course add k1 "Scientific Outlook on Development" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300 capacity=40
course add k2 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12
course add k3 "Rural Reform Lecture" kind=lecture provider=sz.ps start=2010-06-01 end=2010-06-01 hours=3
course add k4 "Online Ethics" kind=online provider=sz.ps start=2010-09-01 end=2010-09-30 hours=20 capacity=100

rule add lead5y "Leading cadres: 550 hours in 5 years" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation,short-term

enroll c1,c3,c5 in k1
complete c1,c3 in k1
absent c5 in k1
enroll c1,c2,c4 in k2
complete c1,c2 in k2
complete c4 in k2 hours=45
enroll c2,c4,c5,c6 in k3
complete c2,c4,c5 in k3
enroll c5,c6 in k4
complete c5 in k4 hours=18.5
cadre set c6 status=left
