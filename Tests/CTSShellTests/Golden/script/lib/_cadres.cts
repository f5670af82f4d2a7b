cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
