# --safe on a script piped in: its include is refused as in a file.
# args: --safe
# stdin: _stdin-input.cts
# script: none
# exit: 1
