# An error in a -c command is named <command-line>; the -c commands after it do not run.
# script: none
# args: -c "count unitz" -c "echo not reached"
# exit: 1
