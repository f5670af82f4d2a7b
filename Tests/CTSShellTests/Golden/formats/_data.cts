# Shared data for the format cases (a helper, not a case).
unit add js "Jiangsu Province" kind=locality level=province
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=js
cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
cadre add c3 "Zhang Min – 张敏" unit=js rank=bureau category=leading born=1961
course add k1 "Scientific Outlook on Development" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
course add k2 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12
enroll c1,c3 in k1
complete c1,c3 in k1
enroll c1,c2 in k2
complete c1 in k2
absent c2 in k2
budget set nj.fin 2009 funds=1200000 revenue=32000000000
