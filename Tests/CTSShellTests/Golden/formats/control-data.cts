# Text from data with control characters, escape sequences and bidi overrides: the formats
# for programs keep the exact bytes when standard output is not a terminal (here a file), and
# so do echo and > FILE; table and markdown, for reading, always show them escaped.
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li\u{1B}[31mWei\u{202E}moc.x\u{07}\u{9B}2J\u{200F}" unit=js rank=county category=leading
list cadres columns id, name as csv
list cadres columns id, name as tsv
list cadres columns id, name as ndjson
list cadres columns id, name as table
list cadres columns id, name as markdown
let n = name of cadre c1
echo exact: $n
