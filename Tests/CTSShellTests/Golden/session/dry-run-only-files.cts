# A dry run that changes no records but would write a file says both.
# args: --dry-run -s empty.ctsdb
dump "session.cts"
