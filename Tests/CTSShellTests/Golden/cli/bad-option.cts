# An unknown command-line option is a usage error: exit 2.
# args: --frobnicate
# exit: 2
echo not reached
