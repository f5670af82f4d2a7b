# A failed assert stops the script with exit 1, names file:line:column and shows both sides.
# exit: 1
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li Wei" unit=js rank=county category=leading
assert count(cadres) = 1
assert count(cadres) = 2 "there should be two cadres"
echo not reached
