# generate province fills only an empty session, with a size in range; nothing changes.
# args: --keep-going
# exit: 1
generate province cadres=0
generate province cadres=100 seed=1.5
unit add js "Jiangsu Province" kind=locality level=province
generate province cadres=100
count units
new
generate province cadres=30 seed=4
count cadres
undo
count cadres
