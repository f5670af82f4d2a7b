echo in a
include "_cycle-b.cts"
