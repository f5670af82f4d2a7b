# --keep-going reports every error of the file, syntax and runtime, runs the rest, exits 1.
# args: --keep-going
# exit: 1
include "_base.cts"
echo start
enroll c1 in k9
count cadres where rank = @staff
echo between
cadre add c1 "Li Wei" unit=js rank=staff category=leading
list cadres where rnak = staff
cadre add c3 "Zhao Gang" unit=js rank=staff category=leading
echo "unterminated
count cadres
