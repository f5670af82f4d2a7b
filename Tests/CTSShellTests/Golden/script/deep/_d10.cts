include "_d11.cts"
