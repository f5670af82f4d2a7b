# save with no name needs a session file.
# exit: 1
unit add js "Jiangsu" kind=locality level=province
save
