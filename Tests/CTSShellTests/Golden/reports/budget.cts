# Growth is against the year before, even when that year is outside the span:
# nj.fin 2009: funds 1000000 -> 1200000 = 20%, revenue 3e10 -> 3.2e10 = 6.7%: not lagging.
# nj.fin 2010: funds +5%, revenue +12.5%: lagging.
# sz.fin 2010: funds 800000 -> 960000 = 20%, revenue +5%: not lagging.
# js.org 2010 and sz.fin 2009 have no year before: growth empty.
include "_data.cts"
report budget 2009..2010
report budget 2010..2010 under nj
report budget 2009..2010 under sz as csv
report budget 2008
