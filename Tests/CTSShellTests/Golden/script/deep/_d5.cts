include "_d6.cts"
