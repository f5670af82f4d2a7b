# Several scripts run in order in one session: _setup.cts first, then this one.
# args: _setup.cts
list cadres columns id, name, unit
