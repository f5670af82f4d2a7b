# --demo starts from the demo province, before the script: the charts of help demo.
# args: --demo
report compliance lead5y by level as chart
report compliance lead5y by unit under qh as chart
report budget 2008..2012 under bs as chart
count findings by status
