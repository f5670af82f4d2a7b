# A script that cannot be read is an error (exit 1) before anything runs.
# script: none
# args: no-such-script.cts
# exit: 1
