# Each refusal says what refers to the record and how to remove it anyway.
# args: --keep-going
# exit: 1
include "_base.cts"
enroll c1 in k1
budget set nj.fin 2009 funds=1200000 revenue=32000000000
unit remove nj.fin
unit remove js
cadre remove c1
rule add yearly "Every cadre: 12 days a year" for=(status = active) period=2009..2009 days=12
exempt c2 from yearly reason="On leave"
rule remove yearly
budget remove nj.fin 2009
count budgets
