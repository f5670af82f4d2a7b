# 2010 hours credited: c1 3+280 = 283, c2 3, c5 260, c6 3 (c3's k5 is 2011).
# nj (with nj.fin, nj.edu): c1, c2 = 2 of 5 (40%), 286 of 1000 hours (28.6%).
# nj.fin: 2 of 2 (100%), 286 of 400 (71.5%). sz (with sz.fin): c5, c6 = 2 of 4 (50%),
# 263 of 600 (43.8%). js.org: c3 has none in 2010: 0 of 1, 0 of 100.
include "_data.cts"
report plan 2010
report plan 2009
report plan 2010 under nj
