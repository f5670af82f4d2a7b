# The 30-minute workshop of docs/tutorial.md, part 2, steps W1 to W5, for a presenter:
#   scripts/cts --demo --step examples/workshop-demo.cts
# Enter runs the command shown (edit it first if you like); Ctrl-C gives a prompt for a
# command of your own; Ctrl-D ends. In batch (scripts/cts --demo FILE) the pauses do nothing.

# W1. Explore (4 minutes)
count cadres by unit.level
list units where id under qh and kind = locality
cadre show c0003
pause "Next: W2, who is short of the five-year rule"

# W2. Query (5 minutes)
count cadres where applies(lead5y) and not compliant(lead5y)
list cadres where unit = qh.org and applies(lead5y) and not compliant(lead5y) sort hours(lead5y) columns id, name, rank, hours(lead5y), 550 - hours(lead5y)
pause "Next: W3, the same as a chart"

# W3. Chart (3 minutes)
report compliance lead5y by level as chart
report compliance lead5y by unit under qh.dh as chart
report compliance lead5y by unit under qh as html > "qh-compliance.html"
pause "Next: W4, budgets, inspections and the plan"

# W4. Reports (5 minutes)
report budget 2008..2012 under lq.th
report budget 2008..2012 under lq.th as chart
report inspections overdue
report plan 2012
pause "Next: W5, fix a finding, undo it, save"

# W5. Fix a finding, undo, save (4 minutes)
finding resolve f0011 date=2013-03-31
count findings where status = open and due < today
undo
count findings where status = open and due < today
redo
save "workshop.ctsdb"
