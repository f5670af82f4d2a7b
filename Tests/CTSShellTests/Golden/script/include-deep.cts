# Includes nest at most 16 deep.
# exit: 1
include "deep/_d1.cts"
echo not reached
