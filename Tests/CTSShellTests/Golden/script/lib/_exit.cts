echo in the included file
exit
echo not reached either
