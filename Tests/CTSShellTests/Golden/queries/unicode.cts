# Names in Chinese, Spanish and with emoji come back intact, and columns stay aligned.
include "_data.cts"
list cadres columns id, name, unit.name
list cadres where name contains "ñ" columns id, name
list cadres where name = "张敏" columns id, name
cadre add c7 "Pérez 🇨🇳 中文名字很长" unit=sz rank=staff category=trainer
list cadres where unit = sz columns name, rank
count cadres where unit = sz by name
