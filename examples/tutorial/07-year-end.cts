#!/usr/bin/env cts
# Tutorial step 7: the year-end check for 2009, as one script.
#   scripts/cts examples/tutorial/07-year-end.cts; echo "exit status $?"
include "06-money.cts"

let year = 2009
echo Year-end check, $year

# The numbers the office has already agreed with the cities:
assert count(cadres where applies(lead5y)) = 4 "four leading cadres fall under the 5-year rule"
assert hours(lead5y) of cadre c03 = 390 "Liu Yang: k1 (300) and k2 (90)"
assert hours(2009) of cadre c05 = 110 "Huang Xiaoming: 60 of k2, k4 and k5"
assert count(findings where status = open and due < today) = 2

report compliance lead5y
report inspections overdue
