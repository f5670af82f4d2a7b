# A character that is not part of the language.
# exit: 1
include "_base.cts"
list cadres where rank = staff @ 3
echo not reached
