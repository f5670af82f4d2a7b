# --safe: 'record FILE' is refused (before the usual "only at the prompt" error).
# args: --safe --keep-going
# exit: 1
record "typed.cts"
record all "typed.cts"
echo after
