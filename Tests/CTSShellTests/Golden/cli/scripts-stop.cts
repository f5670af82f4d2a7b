# A failing script stops the scripts after it (here: this case file never runs).
# args: _input-error.cts
# exit: 1
echo not reached
