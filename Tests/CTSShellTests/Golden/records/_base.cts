# Shared setup for the records cases (a helper, not a case).
unit add js "Jiangsu Province" kind=locality level=province
unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
unit add nj "Nanjing" kind=locality level=city parent=js
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=nj
cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
cadre add c3 "Zhang Min" unit=js.org rank=bureau category=leading
cadre add c4 "Zhao Gang" unit=nj rank=township category=grassroots status=left
course add k1 "Scientific Outlook on Development" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
course add k2 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12 capacity=30
course add k3 "Rural Reform Lecture" kind=lecture provider=js.ps start=2010-06-01 end=2010-06-01 hours=3
