echo about to include a missing file
include "no-such-file.cts"
