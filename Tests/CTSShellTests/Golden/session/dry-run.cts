# --dry-run says what the script would change and writes nothing (empty.ctsdb is zero bytes:
# an empty session).
# args: --dry-run -s empty.ctsdb
unit add js "Jiangsu" kind=locality level=province
unit add js.ps "Jiangsu Party School" kind=institution level=province parent=js
unit add nj "Nanjing" kind=locality level=city parent=js
cadre add c1 "Li Wei 李伟" unit=nj rank=county category=leading
cadre add c2 "Wang Fang" unit=nj rank=staff category=civil-servant
cadre set c1 rank=bureau
cadre remove c2
course add k1 "Outlook" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
enroll c1 in k1
budget set nj 2009 funds=1200000 revenue=3.2e10
