# args: --echo
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li Wei" unit=js rank=county category=leading
cadre add c2 "Wang Fang" unit=js rank=staff category=civil-servant
rule add lead5y "Leading cadres: 550 hours in 5 years" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation,short-term
rule add yearly "Every cadre: 12 days a year" for=(status = active) period=2009..2009 days=12
set day-hours 8
rule add local "Local rule: 10 days of 8 hours" \
    for=(rank in (staff, township)) \
    period=2010..2011 days=10
exempt c2 from yearly reason="On maternity leave"
list rules
print count(cadres where applies(yearly))
print count(cadres where applies(local))
