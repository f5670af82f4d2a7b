import GRDB

/// Runs the migrations a file lacks, in order, in one transaction: each one's SQL, a row in
/// `schema_migrations`, `meta.format_version` and `PRAGMA user_version`. A file of version 0
/// (new and empty) also gets the cts `application_id`. If any step fails, the file is as before.
///
///     try Migrator.migrate(db)              // to SessionSchema.currentVersion
///     try Migrator.migrate(db, upTo: 1)     // the format-1 fixture's helper
enum Migrator {
    static func migrate(_ db: Database, upTo target: Int = SessionSchema.currentVersion) throws {
        try db.inTransaction(.immediate) {
            let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if current == 0 {
                try db.execute(sql: "PRAGMA application_id = \(SessionSchema.applicationID)")
            }
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS "schema_migrations" (
                        "version" INTEGER PRIMARY KEY,
                        "name" TEXT NOT NULL,
                        "applied" TEXT NOT NULL
                    )
                    """)
            for migration in SessionSchema.migrations where migration.version > current && migration.version <= target {
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: """
                        INSERT INTO "schema_migrations" ("version", "name", "applied")
                        VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                        """,
                    arguments: [migration.version, migration.name])
                try db.execute(
                    sql: "UPDATE \"meta\" SET \"value\" = ? WHERE \"key\" = 'format_version'",
                    arguments: [String(migration.version)])
                try db.execute(sql: "PRAGMA user_version = \(migration.version)")
            }
            return .commit
        }
    }

    /// Names of the migrations recorded in the file, oldest first.
    static func applied(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT \"name\" FROM \"schema_migrations\" ORDER BY \"version\"")
    }
}
