# enroll (cadres where ...) in COURSE: cadres already enrolled are skipped.
include "_base.cts"
set verbose on
enroll c1 in k2
enroll (cadres where status = active and unit under js) in k2
enroll (cadres where rank >= bureau) in k1
list enrollments where course = k2 columns cadre, cadre.name, status
count enrollments by course
