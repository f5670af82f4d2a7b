include "_d9.cts"
