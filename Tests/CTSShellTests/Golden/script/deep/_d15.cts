include "_d16.cts"
