# today is 2010-12-01. Open: f1, f2, f4, f5. Overdue (open, due before today):
# f1 due 2010-08-31 (92 days ago), f4 due 2010-10-31 (31 days ago). f5 is due today: not overdue.
include "_data.cts"
report inspections
report inspections open
report inspections overdue
set today 2010-08-01
report inspections overdue
