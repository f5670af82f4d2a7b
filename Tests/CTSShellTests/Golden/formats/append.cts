# >> onto a csv file that has a header adds rows only, so the file reads back as one table
# (here by importing it into a new session).
include "_data.cts"
list units where kind = locality as csv > "units.csv"
list units where kind != locality as csv >> "units.csv"
list units where name = "none" as csv >> "units.csv"
list cadres as tsv > "cadres.tsv"
list cadres where born > 1900 as tsv >> "cadres.tsv"
new
import units from "units.csv"
list units
