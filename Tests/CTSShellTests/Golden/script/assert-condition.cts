# Without a comparison at the top there is no note; the caret spans the whole condition.
# exit: 1
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li Wei" unit=js rank=county category=leading
assert name of cadre c1 contains "Wang"   and   rank of cadre c1 = county
