# --keep-going with a session file writes what succeeded, and says so.
# args: --keep-going -s kept.ctsdb
# exit: 1
unit add js "Jiangsu" kind=locality level=province
cadre add c1 "Li Wei" unit=nosuch rank=staff category=leading
unit add nj "Nanjing" kind=locality level=city parent=js
count units as csv
