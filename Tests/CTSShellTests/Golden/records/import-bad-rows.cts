# exit: 1
# args: --keep-going
# Every bad row of an import is reported at its cell, and none of the rows is imported
# (issue 7, item 24).
unit add js "Jiangsu" kind=locality level=province
unit add js.org "Organization Department" kind=organization level=province parent=js
import cadres from "import-bad-rows.csv"
count cadres
