# Passing asserts print nothing.
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li Wei" unit=js rank=county category=leading born=1966
assert count(cadres) = 1
assert count(cadres) = 1 "one cadre"
assert rank of cadre c1 >= county and born of cadre c1 < 1970
assert not (name of cadre c1 contains "wang")
