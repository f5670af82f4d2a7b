# 'help safe' says what --safe refuses and what it does not protect against; it works with
# and without --safe.
help safe
