# A runtime error in the middle stops the script: the lines after it do not run.
# exit: 1
include "_base.cts"
echo before the error
count cadres
enroll c1 in k9
echo not reached
count cadres
