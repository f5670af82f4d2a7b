# --safe: 'save' and 'save FILE' of the session file itself stay allowed, and so does
# 'open' of it; set verbose on shows their confirmations.
# args: --safe -s work.ctsdb
set verbose on
unit add js "Jiangsu Province" kind=locality level=province
save
save "work.ctsdb"
save "./work.ctsdb"
open "work.ctsdb"
count units
