echo the script named first
include "_marker.cts"
