include "_d17.cts"
