# set width N fits tables into N columns even when stdout is no terminal (auto: only a
# terminal's width); a table too wide even then is shown as records. Bad values are refused.
# exit: 1
# args: --keep-going
include "_data.cts"
list units
set width 60
list units
list courses
set width 30
list courses where id = k1
set width auto
list units
set width 10
set width wide
set pager maybe
set pager off
