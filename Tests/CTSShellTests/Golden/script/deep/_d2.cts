include "_d3.cts"
