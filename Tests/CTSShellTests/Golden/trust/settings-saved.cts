# today and day-hours are session state: saved in the session file, opened again and
# dumped, and `set` alone lists every setting.
include "_province.cts"
set today 2009-12-31
set day-hours 8
course add k1 "Two days" kind=short-term provider=js.ps start=2009-06-01 end=2009-06-02 days=2
save "settings.ctsdb"
new
print count(units)
open "settings.ctsdb"
set
print today
dump
