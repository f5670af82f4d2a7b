import GRDB

/// Runs the migrations a file lacks, in order, in one transaction: each one's SQL, a row in
/// `schema_migrations`, `meta.format_version` and `PRAGMA user_version`. A file of version 0
/// (new and empty) also gets the cts `application_id`. If any step fails, the file is as before.
///
///     try Migrator.migrate(db)              // to SessionSchema.currentVersion
///     try Migrator.migrate(db, upTo: 1)     // the format-1 fixture's helper
enum Migrator {
    static func migrate(_ db: Database, upTo target: Int = SessionSchema.currentVersion) throws {
        let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let pending = SessionSchema.migrations.filter { $0.version > current && $0.version <= target }
        guard !pending.isEmpty || current == 0 else { return }
        // A table rebuild drops tables others reference, which foreign keys would count as
        // broken references; they can only be turned off outside a transaction. The file's
        // references are checked when it is loaded, as in any other file.
        let rebuilds = pending.contains { !$0.makesStrict.isEmpty }
        if rebuilds {
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON")
        }
        defer {
            if rebuilds { try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA legacy_alter_table = OFF") }
        }
        try db.inTransaction(.immediate) {
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
            for migration in pending {
                try db.execute(sql: migration.sql)
                for table in migration.makesStrict { try StrictRebuild.run(db, table: table) }
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
