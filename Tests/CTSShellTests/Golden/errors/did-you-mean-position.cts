# exit: 1
# args: --keep-going
# "Did you mean" suggests the words valid where the mistake is first (issue 7, item 27):
# commands at command position, asc/desc after a sort key, the command's own options.
unit add js "Jiangsu" kind=locality level=province
lst cadres
list cadres sort name dsc
list cadres sort name desc lmit 3
count cadres wher rank >= county
cadre add c1 "Li Wei" unt=js rank=county category=leading
