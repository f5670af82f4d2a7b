include "_d2.cts"
