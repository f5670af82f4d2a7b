#!/usr/bin/env cts
# Tutorial step 6: plans, budgets, inspections and findings.
include "05-training.cts"

# Plans for 2009: how many cadres to train, how many class hours in all.
plan set cs 2009 participants=7 hours=630
plan set ly 2009 participants=2 hours=180
plan set hn.fin 2009 participants=1 hours=90

# Training funds, and the fiscal revenue they should grow with (yuan).
budget set hn 2008 funds=30_000_000 revenue=130_000_000_000 spent=29_400_000
budget set hn 2009 funds=33_000_000 revenue=150_000_000_000 spent=32_100_000
budget set hn 2010 funds=39_000_000 revenue=170_000_000_000
budget set cs 2008 funds=8_000_000 revenue=40_000_000_000 spent=7_900_000
budget set cs 2009 funds=9_200_000 revenue=44_000_000_000 spent=9_000_000
budget set cs 2010 funds=9_500_000 revenue=50_000_000_000

# The provincial department inspects a bureau and a party school.
inspection add i1 by=hn.org unit=cs.edu date=2009-10-15 scope="Training files, 2009"
finding add f1 inspection=i1 "Training files missing for 3 cadres" severity=medium due=2009-11-30
finding add f2 inspection=i1 "Absences not followed by make-up training" severity=high due=2009-12-15
finding resolve f2 date=2009-12-10

inspection add i2 by=hn.org unit=cs.ps date=2009-11-02 scope="Fees and course quality"
finding add f3 inspection=i2 "Course fees charged to trainees" severity=high due=2009-12-01
finding add f4 inspection=i2 "Teaching evaluations not filed" severity=low due=2010-03-31

# A good practice worth spreading.
practice add p1 unit=cs.tr year=2009 "Evening safety classes for depot managers" promoted=yes

# Fix the date that "today" and "overdue" mean, so the reports never change.
set today 2009-12-31
