# --safe: a query written to a file, with '>' or '>>', is refused; the same query to the
# screen is not.
# args: --safe --keep-going
# exit: 1
unit add js "Jiangsu Province" kind=locality level=province
list units > "units.csv"
list units columns id as csv >> "units.csv"
list units columns id
