include "_d8.cts"
