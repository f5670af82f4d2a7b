# With several -c commands, an error says which one it was: here the second.
# script: none
# args: -c "echo first" -c "list units where kind = localty" -c "echo not reached"
# exit: 1
