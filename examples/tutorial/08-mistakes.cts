#!/usr/bin/env cts
# Tutorial step 8: five mistakes, to see what cts says about each.
#   scripts/cts --keep-going examples/tutorial/08-mistakes.cts
include "05-training.cts"

enroll c3 in k6
cadre add c11 "Wu Gang" unit=cs.eud rank=staff category=civil-servant
list cadres where rnak >= county
report complience lead5y
assert hours(2009) of cadre c04 >= 90 "Tan Li has had 12 days this year"
