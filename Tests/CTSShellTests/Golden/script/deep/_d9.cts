include "_d10.cts"
