# Commands read from standard input (no prompt, no echo).
echo from stdin
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li Wei" unit=js rank=county category=leading
count cadres
