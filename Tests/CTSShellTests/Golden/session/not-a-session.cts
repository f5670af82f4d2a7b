# A text file is not a session file: exit 3, and the file is left alone.
# args: -s notes.txt
# exit: 3
count units
