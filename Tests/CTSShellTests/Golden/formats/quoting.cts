# CSV quotes only where needed: commas, quotes, line breaks; JSON and markdown escape too.
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li, Wei" unit=js rank=county category=leading
cadre add c2 "Wang \"Little\" Fang" unit=js rank=staff category=civil-servant
cadre add c3 "Two\nlines" unit=js rank=staff category=technical
cadre add c4 "Tab\there | pipe" unit=js rank=staff category=trainer
cadre add c5 "Plain 张敏 ñ 🎓" unit=js rank=staff category=trainer
list cadres columns id, name as csv
list cadres columns id, name as tsv
list cadres columns id, name as json
list cadres columns id, name as markdown
