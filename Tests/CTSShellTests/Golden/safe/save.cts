# --safe: 'save FILE' to a file other than the session file is refused.
# args: --safe
# exit: 1
unit add js "Jiangsu Province" kind=locality level=province
save "copy.ctsdb"
echo not reached
