# --safe reads the scripts named on the command line (the user chose them): this one and
# _named.cts both run, but what _named.cts includes does not.
# args: --safe --keep-going _named.cts
# exit: 1
echo the script named last
