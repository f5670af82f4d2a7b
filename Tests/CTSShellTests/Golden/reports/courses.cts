# Courses starting in 2009..2010: k1 (4 enrolled incl. c4 absent, 3 completed, 900 hours, 4/40 = 10%),
# k2 (c4 withdrew: 2 enrolled, 2 completed, 180 hours, 2/30 = 6.7%), k3 (3, 3, 9 hours, no capacity),
# k4 (3 enrolled, 2 completed, 280+260 = 540 hours, 3/10 = 30%). Kinds in their order: off-job,
# rotation, short-term, lecture.
include "_data.cts"
report courses 2009..2010
# k5 only: 2 enrolled, 1 completed, 40 hours.
report courses 2011
report courses 2009..2010 as markdown
