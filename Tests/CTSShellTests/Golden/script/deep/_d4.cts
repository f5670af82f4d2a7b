include "_d5.cts"
