# -c runs commands in order, then exits; each -c is one command.
# script: none
# args: -c "set verbose on" -c "unit add js Jiangsu kind=locality level=province" -c "count units"
