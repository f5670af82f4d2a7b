# args: --keep-going
# exit: 1
# Dates are years 1 to 9999 and numbers are finite; anything else is an error at the
# command that would make it, never a trap, a stored infinity or an unopenable file.
include "_province.cts"
print 2009-01-01 + 1e10
print 2009-01-01 - 800000
print 9999-12-31 + 1
print 0001-01-01 - 1
print 2009-01-01 + 0.5
let x = 1e300 * 1e300
print 1e300 * 1e300 - 1e300 * 1e300
let y = 2009-01-01 + 3000000
course add k1 "Late" kind=off-job provider=js.ps start=2009-01-01 end=2009-01-02 hours=1e400
budget set nj 2009 funds=1e300 revenue=1
print 9999-12-31 - 0001-01-01
print 2009-01-01 + 365
# A period of years before 1000 is written with four digits, so the dump runs again.
rule add r1 "Old" for=(rank >= county) period=0999..2000 hours=10
dump
