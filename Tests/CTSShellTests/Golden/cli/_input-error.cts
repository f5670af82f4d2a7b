echo from stdin
count cadres
count cadrez
echo not reached
