# Scripts run first, then the -c commands, in the same session.
# args: -c "list cadres columns id, name"
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li Wei" unit=js rank=county category=leading
