# --safe: export is refused before the file is opened.
# args: --safe --keep-going
# exit: 1
unit add js "Jiangsu Province" kind=locality level=province
export units to "units.csv" as csv
echo after
