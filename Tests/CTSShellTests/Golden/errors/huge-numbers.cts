# args: --keep-going
# exit: 1
# Numbers far out of range are errors, never crashes.
undo 1e20
history 1e20
report plan 0
report plan 1e20
list units limit 1e30
print round(2.5, 1e20)
