#!/usr/bin/env cts
# Tutorial step 3: the courses of 2009, and one from 2008.
include "02-cadres.cts"

course add k0 "Rotation Class for County-Level Leaders" kind=rotation provider=hn.ps start=2008-10-06 end=2008-11-14 hours=160
course add k1 "Scientific Outlook on Development" kind=off-job provider=hn.ps start=2009-03-02 end=2009-04-24 hours=300 capacity=40
course add k2 "Public Finance Basics" kind=short-term provider=cs.ps start=2009-05-11 end=2009-05-22 days=12 capacity=30
course add k3 "Rural Reform Lecture" kind=lecture provider=cs.ps start=2009-06-05 end=2009-06-05 hours=3
course add k4 "Online: the Civil Servant Law" kind=online provider=hn.ps start=2009-01-01 end=2009-12-31 hours=20

# Changsha counts 6 class hours to a day in its own workshops.
set day-hours 6
course add k5 "Transport Safety Workshop" kind=short-term provider=cs.ps organizer=cs.tr start=2009-09-07 end=2009-09-11 days=5
set day-hours 7.5

course add k6 "Responding to the Financial Crisis" kind=short-term provider=hn.ps start=2009-11-16 end=2009-11-27 days=12 capacity=20
