# script: none
# stdin: _not-utf8.txt
# exit: 1
# A script piped in on standard input is checked like a file: bytes that are not UTF-8
# are an error at their line and column, not silently replaced.
