# A course's provider is an institution unit (spec §2). Any other unit is refused, in add,
# set and CSV import, with a "did you mean" among the institutions only; an institution
# that provides courses cannot become another kind.
# args: --keep-going
# exit: 1
include "_base.cts"
course add k2 "Public Finance" kind=short-term provider=js start=2009-05-11 end=2009-05-22 days=12
course add k2 "Public Finance" kind=short-term provider=js.org start=2009-05-11 end=2009-05-22 days=12
course add k2 "Public Finance" kind=short-term provider=js.pss start=2009-05-11 end=2009-05-22 days=12
course set k1 provider=nj.fin
import courses from "provider-not-institution.csv"
unit set js.ps kind=organization
unit set js.ps name="Jiangsu Party School"
list courses columns id, provider
