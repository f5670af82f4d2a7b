# A syntax error in the last line: the run stops there with exit 1, at the right line:column.
# exit: 1
include "_base.cts"
cadre add c3 "Zhao Gang" unit=js rank=staff category=leading
enroll c1,c3 in k1
list cadres where rank >=
