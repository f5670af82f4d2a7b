# Given a script, cts does not read standard input.
# stdin: _input.cts
echo only the script runs
