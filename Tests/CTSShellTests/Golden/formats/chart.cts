# as chart: bars for count … by and stats … by, compliant % per group on a 0–100 scale,
# sparklines per unit for report budget; 80 columns when not a terminal.
include "_data.cts"
budget set nj.fin 2010 funds=1100000 revenue=36000000000
budget set nj.fin 2011 funds=1300000 revenue=37000000000
budget set js 2010 funds=500000 revenue=1000000
rule add lead5y "Leading cadres" for=(category = leading) period=2008..2012 hours=350
count cadres by unit as chart
stats hours(2009) of cadres by rank as chart
report compliance lead5y by unit as chart
report budget 2008..2012 as chart
