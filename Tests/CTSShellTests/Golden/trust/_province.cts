# A small province for the trust cases.
unit add js "Jiangsu Province" kind=locality level=province
unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
unit add nj "Nanjing" kind=locality level=city parent=js
cadre add c1 "Li Wei" unit=nj rank=county category=leading
cadre add c2 "Wang Fang" unit=nj rank=staff category=civil-servant
