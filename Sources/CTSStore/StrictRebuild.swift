import GRDB

/// Rebuilds a table as a STRICT table, SQLite's way of changing what `ALTER TABLE` cannot
/// (lang_altertable.html, "making other kinds of table schema changes"): a new table from the
/// old one's own `CREATE TABLE` with `STRICT` added, the rows copied, the old table dropped, the
/// new one renamed, and the old table's indexes and triggers created again from their SQL.
///
/// The caller runs it inside a transaction with foreign keys off (dropping a table that others
/// reference would otherwise count every reference as broken) and with `legacy_alter_table` on
/// (so the rename does not re-check views another tool defined on the dropped table).
///
///     try StrictRebuild.run(db, table: "course")
enum StrictRebuild {
    /// A value the old table holds that its STRICT column refuses: text in a number column,
    /// say, which a program other than cts wrote.
    struct UnconvertibleValue: Error, Equatable {
        let table: String
        let slot: Int64
        let column: String
        let storedType: String
        /// The value as text (for a blob, empty).
        let value: String
        let columnType: String

        /// "has the text 'x', where cts keeps a number", as the loader says it of a value it
        /// refuses.
        var problem: String {
            let wanted = columnType == "TEXT" ? "text" : columnType == "REAL" ? "a number" : "a whole number"
            switch storedType {
            case "TEXT": return "has the text '\(value.prefix(40))', where cts keeps \(wanted)"
            case "BLOB": return "has a blob, where cts keeps \(wanted)"
            default: return "has \(value), where cts keeps \(wanted)"
            }
        }
    }

    static func run(_ db: Database, table: String) throws {
        let quoted = SessionSchema.quoted(table)
        guard
            let create = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
        else { return }
        guard let strict = strictDefinition(create, table: table, as: table + "__strict") else { return }
        let dependents = try String.fetchAll(
            db,
            sql: """
                SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')
                AND sql IS NOT NULL ORDER BY rowid
                """, arguments: [table])
        try db.execute(sql: strict)
        do {
            try db.execute(sql: "INSERT INTO \(SessionSchema.quoted(table + "__strict")) SELECT * FROM \(quoted)")
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_DATATYPE {
            throw try firstUnconvertible(db, table: table) ?? error
        }
        try db.execute(sql: "DROP TABLE \(quoted)")
        try db.execute(sql: "ALTER TABLE \(SessionSchema.quoted(table + "__strict")) RENAME TO \(quoted)")
        for sql in dependents { try db.execute(sql: sql) }
    }

    /// `create` (a table's `CREATE TABLE` as sqlite_master keeps it) for a table named `name`,
    /// with `STRICT` among its options; nil when it is STRICT already.
    static func strictDefinition(_ create: String, table: String, as name: String) -> String? {
        guard let close = create.lastIndex(of: ")") else { return nil }
        let options = create[create.index(after: close)...]
        if options.uppercased().contains("STRICT") { return nil }
        let trimmed = options.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        let head = create[..<close]
        guard let open = head.firstIndex(of: "(") else { return nil }
        let body = create[open...close]
        return "CREATE TABLE \(SessionSchema.quoted(name)) \(body)"
            + (trimmed.isEmpty ? " STRICT" : " \(String(trimmed)), STRICT")
    }

    /// The first row (by slot) holding a value its column's STRICT type refuses: what SQLite's
    /// "cannot store TEXT value in REAL column" leaves out.
    private static func firstUnconvertible(_ db: Database, table: String) throws -> UnconvertibleValue? {
        let columns = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table])
        for column in columns {
            let name: String = column["name"], type = (column["type"] as String).uppercased()
            let q = SessionSchema.quoted(name)
            let refused: String
            switch type {
            case "INTEGER", "INT":
                refused =
                    "typeof(\(q)) IN ('text', 'blob') OR (typeof(\(q)) = 'real' AND \(q) <> CAST(\(q) AS INTEGER))"
            case "REAL": refused = "typeof(\(q)) IN ('text', 'blob')"
            case "TEXT": refused = "typeof(\(q)) = 'blob'"
            default: continue
            }
            if let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT rowid, typeof(\(q)), CASE WHEN typeof(\(q)) = 'blob' THEN '' ELSE CAST(\(q) AS TEXT) END FROM \(SessionSchema.quoted(table)) WHERE \(refused) ORDER BY rowid LIMIT 1"
            ) {
                return UnconvertibleValue(
                    table: table, slot: row[0], column: name, storedType: (row[1] as String).uppercased(),
                    value: row[2], columnType: type)
            }
        }
        return nil
    }
}
