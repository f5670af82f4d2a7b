#!/usr/bin/env cts
# Tutorial step 2: cadres of different ranks and categories.
include "01-units.cts"

cadre add c01 "Zhou Jian 周健" unit=hn.fin rank=bureau category=leading born=1962
cadre add c02 "Chen Hong 陈红" unit=hn.org rank=county category=leading born=1970
cadre add c03 "刘洋" unit=cs.edu rank=county category=leading born=1968
cadre add c04 "Tan Li" unit=cs.edu rank=staff category=civil-servant born=1985
cadre add c05 "黄晓明" unit=cs.tr rank=township category=leading born=1975
cadre add c06 "Peng Yu" unit=cs.tr rank=county category=leading born=1966
cadre add c07 "Li Na 李娜" unit=ly.agr rank=county category=leading born=1972
cadre add c08 "Xiao Bin" unit=ly.agr rank=staff category=grassroots born=1988
cadre add c09 "Deng Wen 邓文" unit=hn.ps rank=county category=trainer born=1964
cadre add c10 "Yi Qiang" unit=cs.edu rank=staff category=civil-servant status=left
