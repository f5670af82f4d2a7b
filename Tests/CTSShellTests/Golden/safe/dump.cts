# --safe: 'dump FILE' is refused; 'dump' to the screen is not.
# args: --safe --keep-going
# exit: 1
unit add js "Jiangsu Province" kind=locality level=province
dump "session.cts"
dump
