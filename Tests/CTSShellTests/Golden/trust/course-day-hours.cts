# A course remembers the day-hours it was entered with: days=N on it uses that factor,
# whatever the setting is now (5 days of a 7.5-hour course are its 37.5 hours).
include "_province.cts"
course add k1 "Five days" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-15 days=5
set day-hours 8
course add k2 "Two days" kind=short-term provider=js.ps start=2009-06-01 end=2009-06-02 days=2
enroll c1,c2 in k1
complete c1 in k1 days=3
complete c2 in k1 days=5
enroll c1 in k2
complete c1 in k2 days=2
list enrollments columns cadre, course, hours
course set k1 days=4
print hours of course k1
dump
