# A single -c command is named <command-line>.
# script: none
# args: -c "count unitz"
# exit: 1
