# --safe: import is refused before the CSV file is read; under --keep-going the script goes
# on, and nothing was imported.
# args: --safe --keep-going
# exit: 1
import units from "_units.csv"
count units
