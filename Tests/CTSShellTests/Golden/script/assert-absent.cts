# The note says when a side is absent.
# exit: 1
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li Wei" unit=js rank=county category=leading
  assert born of cadre c1 >= 1960 "born is not recorded"
