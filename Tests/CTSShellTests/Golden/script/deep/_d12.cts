include "_d13.cts"
