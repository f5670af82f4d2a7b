# Included by the --safe cases: if this ever runs, its marker shows in the output.
echo MARKER: the included script ran
unit add xx "Should not exist" kind=locality level=province
