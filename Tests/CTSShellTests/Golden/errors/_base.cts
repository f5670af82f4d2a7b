# Shared setup for the error cases (a helper, not a case).
unit add js "Jiangsu Province" kind=locality level=province
unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=js
cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
course add k1 "Scientific Outlook on Development" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
