# An error in a -c command is named <command-line N> when there are several (<command-line>
# when there is one); the -c commands after it do not run.
# script: none
# args: -c "count unitz" -c "echo not reached"
# exit: 1
