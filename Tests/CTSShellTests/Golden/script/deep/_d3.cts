include "_d4.cts"
