# Ids that look like numbers are words (spec §1): kept byte for byte as typed,
# in commands, references, conditions, import and dump.
unit add 007 "Unit Seven" kind=locality level=province
unit add 1e3 "Unit Thousand" kind=institution level=province parent=007
cadre add 00123 "Li Wei" unit=007 rank=county category=leading
cadre add 1.50 "Wang Fang" unit=1e3 rank=county category=leading
import cadres from "numeric-ids.csv"
cadre show 00123
cadre set 1.50 unit=007
course add 0042 "Outlook" kind=off-job provider=1e3 start=2009-03-02 end=2009-04-24 hours=30
enroll 00123,1.50,00124 in 0042
complete 00124 in 0042
list cadres where unit = 007 columns id, unit
list cadres where id in (00123, 1.50) columns id
list cadres where id = 00124 or id = 1.50 columns id
print name of cadre 00124
count cadres where unit under 007
rule add 10 "Unit seven" for=(unit = 007) period=2008..2012 hours=10
report compliance 10
cadre remove 00124 cascade
dump
