# Errors in standard input are named <stdin>, and stop the run with exit 1.
# script: none
# stdin: _input-error.cts
# exit: 1
