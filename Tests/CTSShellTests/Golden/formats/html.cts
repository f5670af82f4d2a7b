# as html: one standalone page per result, with an SVG chart above the table where the
# result has groups (bars; compliance on 0–100; sparklines for report budget). Chinese
# stays as it is, every text is escaped. >> writes a page only into an empty file.
# args: --keep-going
# exit: 1
include "_data.cts"
budget set nj.fin 2010 funds=1100000 revenue=36000000000
rule add lead5y "Leading cadres <county & up>" for=(category = leading) period=2008..2012 hours=350
count cadres by unit as html
report compliance lead5y by unit as html
report budget 2009..2010 as html
list cadres where id = c3 columns id, name, born as html > "c3.html"
list cadres as html >> "new.html"
list cadres as html >> "c3.html"
echo the first two pages were written
