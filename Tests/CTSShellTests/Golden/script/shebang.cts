#!/usr/bin/env cts
# The first line is a comment, so scripts can be executable.
echo shebang ok
