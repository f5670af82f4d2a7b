include "_d7.cts"
