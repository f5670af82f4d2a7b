# args: --echo
# days=N is N x 7.5 class hours, until set day-hours changes the factor.
unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province
unit add js.org "Organization Department of Jiangsu" kind=organization level=province
course add k1 "Scientific Outlook on Development" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300 capacity=40 organizer=js.org
course add k2 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12
course add k3 "Half-day lecture" kind=lecture provider=js.ps start=2009-06-01 end=2009-06-01 days=0.5
set day-hours 8
course add k4 "Rotation at the county" kind=rotation provider=js.ps start=2009-07-01 end=2009-07-10 days=12
course add k5 "Evening report" kind=report provider=js.ps start=2009-07-02 end=2009-07-02 hours=2.5
set day-hours 6
course add k6 "Online module" kind=online provider=js.ps start=2009-08-01 end=2009-08-31 days=3
course add k7 "Study abroad" kind=overseas provider=js.ps start=2009-09-01 end=2009-09-21 days=1_0
course add k8 "Village practice" kind=practice provider=js.ps start=2009-10-01 end=2009-10-05 days=5
list courses columns id, kind, hours, capacity, organizer
