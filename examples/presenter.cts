# A short presentation: cts --step examples/presenter.cts
unit add js "Jiangsu Province" kind=locality level=province
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
cadre add c1 "Li Wei" unit=js rank=county category=leading
pause "Next: a course, and Li Wei takes it"
course add k1 "Public Finance Basics" kind=short-term provider=js.ps \
    start=2009-05-11 end=2009-05-22 days=12
enroll c1 in k1
complete c1 in k1
list cadres columns id, name, hours(2009)
