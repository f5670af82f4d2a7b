# exit: 1
# A unit named in a rule's condition cannot be removed while the rule names it.
unit add nj "Nanjing" kind=locality level=city
rule add r1 "Nanjing cadres" for=(unit under nj) period=2009 hours=10
unit remove nj
