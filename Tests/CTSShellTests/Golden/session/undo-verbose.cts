# undo and redo say what they took back and did again.
set verbose on
unit add js "Jiangsu" kind=locality level=province
unit add js.ps "Jiangsu Party School" kind=institution level=province parent=js
unit add nj "Nanjing" kind=locality level=city parent=js
cadre add c1 "Li Wei 李伟" unit=nj rank=county category=leading
cadre add c2 "Wang Fang" unit=nj rank=staff category=civil-servant
course add k1 "Outlook" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
enroll (cadres where unit under js) in k1
complete c1 in k1
unit remove nj cascade
undo
undo 2
count enrollments where status = completed as csv
redo
redo 5
undo 100
count units as csv
