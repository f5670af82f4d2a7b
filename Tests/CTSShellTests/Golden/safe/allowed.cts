# --safe changes nothing else: commands that touch no file run as they always do, and so do
# new (in memory), undo, pause, history and help.
# args: --safe
unit add js "Jiangsu Province" kind=locality level=province
unit add nj "Nanjing" kind=locality level=city parent=js
list units columns id, name as csv
new
count units
undo
pause "no pause in batch"
history
print 1 + 1
