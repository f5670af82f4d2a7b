#include <sqlite3.h>
#include "CSQLiteShim.h"

int cts_sqlite_distrust_schema(void *db) {
    sqlite3 *connection = db;
    int enabled = -1;
    int code = sqlite3_db_config(connection, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &enabled);
    if (code != SQLITE_OK) return code;
#ifdef SQLITE_DBCONFIG_TRUSTED_SCHEMA
    code = sqlite3_db_config(connection, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
#endif
    return code;
}
