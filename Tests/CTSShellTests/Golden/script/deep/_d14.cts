include "_d15.cts"
