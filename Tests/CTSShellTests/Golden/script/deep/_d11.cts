include "_d12.cts"
