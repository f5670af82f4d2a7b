# dump, then running that dump in a new session, then dump again: the same text.
unit add js "Jiangsu 江苏" kind=locality level=province
unit add js.ps "Escuela \"Ñandú\" – party school" kind=institution level=province parent=js
unit add nj "Nanjing \\ 南京 😀" kind=locality level=city parent=js
cadre add c1 "Li Wei 李伟" unit=nj rank=county category=leading born=1966
cadre add c2 "Say \"hi\"\tand\\back\nnext" unit=js rank=staff category=civil-servant
course add k1 "Outlook 科学" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
enroll c1,c2 in k1
complete c1 in k1
rule add r1 "Regla \"ñ\"" for=(category = leading and rank >= county) period=2008..2012 hours=550
exempt c2 from r1 reason="借调 🙂"
unit set nj parent=js.ps
dump "first.cts"
new
include "first.cts"
dump
