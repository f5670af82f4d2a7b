# quit stops the script; exit does the same. The status is 0.
echo before
quit
echo not reached
