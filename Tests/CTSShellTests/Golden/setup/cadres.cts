# Confirmations without the prompt: set verbose on.
set verbose on
unit add js "Jiangsu Province" kind=locality level=province
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=js
cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
cadre add c3 "Zhao Gang" unit=nj.fin rank=township category=enterprise born=1971
cadre add c4 "Qian Li" unit=js rank=bureau category=technical
cadre add c5 "Sun Hao" unit=js rank=province category=grassroots born=1958
cadre add c6 "Zhou Yan" unit=js rank=national category=trainer status=left
set verbose off
cadre add c7 "Wu Qiang" unit=js rank=staff category=trainer
list cadres
