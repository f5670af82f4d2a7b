# enroll, complete (default hours and date, or given), absent, withdraw and re-enroll.
include "_base.cts"
set verbose on
enroll c1,c3 in k1
complete c1,c3 in k1
enroll c1,c2 in k2
complete c1 in k2 hours=60 date=2009-05-20
absent c2 in k2
enroll c2 in k3
withdraw c2 in k3
enroll c2 in k3
complete c2 in k3 days=0.2
list enrollments
print hours(2009) of cadre c1
print hours(2010) of cadre c2
