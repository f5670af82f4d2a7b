#ifndef CTS_SQLITE_SHIM_H
#define CTS_SQLITE_SHIM_H

/// Sets up a connection to a session file so that what another tool added to the file cannot
/// act on cts's writes: triggers do not fire, and functions in the schema (in views, triggers,
/// CHECK constraints, generated columns) run only if they are harmless. Returns 0, or the
/// SQLite error code of the first setting refused.
///
/// `db` is an `sqlite3 *`. A wrapper, because `sqlite3_db_config` is variadic and Swift cannot
/// call it.
int cts_sqlite_distrust_schema(void *db);

#endif
