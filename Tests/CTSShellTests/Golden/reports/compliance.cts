# lead5y applies to c1, c3, c4, c5 (c7 is exempt). Hours that count (off-job, rotation,
# short-term, 2008..2012): c1 300+90+280 = 670, c3 300, c4 0, c5 300+260 = 560.
# Compliant: c1, c5 (2 of 4, 50%); short: c3 250 + c4 550 = 800.
include "_data.cts"
report compliance lead5y
# js.org c3; nj.edu c4; nj.fin c1; sz.fin c5.
report compliance lead5y by unit
# city: c1, c4, c5 (2 of 3, 66.7%, 550 short); province: c3 (0 of 1, 250 short).
report compliance lead5y by level
report compliance lead5y by category
# county: c1, c4 (1 of 2, 550 short); bureau: c3, c5 (1 of 2, 250 short).
report compliance lead5y by rank
# yearly: all 7 active; 2009 hours c1 390, c2 90, c3 300, c5 300 reach 90; c4, c6, c7 have 0.
report compliance yearly
# under: only cadres of nj and below: c1 (compliant), c4 (550 short).
report compliance lead5y under nj
report compliance lead5y by unit under nj
