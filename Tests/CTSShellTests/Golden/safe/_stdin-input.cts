echo piped
include "_marker.cts"
