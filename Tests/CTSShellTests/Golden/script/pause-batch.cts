# In batch, pause does nothing: no message and no wait for Enter (it waits only at the
# prompt and in the scripts of `cts -i` at a terminal).
echo before
pause "Next: the compliance report"
pause
echo after
