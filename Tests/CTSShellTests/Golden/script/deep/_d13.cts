include "_d14.cts"
