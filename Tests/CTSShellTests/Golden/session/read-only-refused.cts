# Under --read-only every command that would change the session is refused (exit 1), with
# its file, line and column; queries, settings (today and day-hours too, for this run: they
# change how the session answers, not what it holds), dump and export still work.
# args: --read-only --keep-going -s empty.ctsdb
# exit: 1
count units
unit add js "Jiangsu" kind=locality level=province
cadre remove c1
import units from "units.csv"
undo
redo
set day-hours 8
set today 2010-01-01
print today
set format csv
count units
dump
