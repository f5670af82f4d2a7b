#!/usr/bin/env cts
# Tutorial step 4: the two national rules, and one exemption.
include "03-courses.cts"

rule add lead5y "Leading cadres at county level and above: 550 hours in 5 years" \
    for=(category = leading and rank >= county) period=2008..2012 hours=550 \
    kinds=off-job,rotation,short-term
rule add yearly "Every cadre: 12 days of training a year" for=(status = active) period=2009..2009 days=12

exempt c07 from lead5y reason="On secondment to Xinjiang, 2009-2011"
