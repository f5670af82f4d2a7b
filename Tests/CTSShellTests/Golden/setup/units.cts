# args: --echo
# Every kind and level of unit, with and without a parent.
unit add js "Jiangsu Province" kind=locality level=province
unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
unit add js.lg "Provincial Leading Group for Cadre Training" kind=leading-group level=province parent=js
unit add nj "Nanjing" kind=locality level=city parent=js
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=nj
unit add nj.xw "Xuanwu District" kind=locality level=county parent=nj
unit add xw.ms "Meiyuan Subdistrict" kind=locality level=township parent=nj.xw
unit add xw.works "Xuanwu Waterworks" kind=workplace level=county parent=nj.xw
unit add cn "Central Committee" kind=organization level=central
# Keywords and enum values are case-insensitive.
UNIT ADD cn.ps "Central Party School" KIND=Institution LEVEL=CENTRAL parent=cn
list units
