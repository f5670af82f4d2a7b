echo in b
include "_cycle-a.cts"
