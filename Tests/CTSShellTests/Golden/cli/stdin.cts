# With no script and no -c, cts reads the script from standard input.
# script: none
# stdin: _input.cts
