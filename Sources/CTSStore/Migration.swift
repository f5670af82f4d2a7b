import CTSDomain

/// One step from a session file format to the next: a name, the version it brings the file to,
/// and the SQL that does it. Migrations are never edited once released; a change of format is
/// a new migration at the end of ``SessionSchema/migrations``.
///
///     Migration(version: 2, name: "v2-exemptions-last-saved", sql: "CREATE TABLE exemption (...)")
///     Migration.creating(Award.self, version: 4, name: "v4-awards")   // a new kind's table
struct Migration: Sendable {
    /// The format version the file has after this migration (`PRAGMA user_version`).
    let version: Int
    /// Recorded in `schema_migrations` when the migration is applied.
    let name: String
    /// One or more SQL statements, run inside the migrating transaction.
    let sql: String
    /// The kinds whose tables it creates: files of an older format lack them.
    var creates: [EntityKind] = []
    /// The columns it adds to existing tables: reading a file of an older format gives them
    /// the value the migration gives old rows.
    var adds: [AddedColumn] = []
    /// The tables it rebuilds as STRICT tables, after its SQL: each from its own definition in
    /// the file (see ``StrictRebuild``), so a column another tool added stays.
    var makesStrict: [String] = []

    struct AddedColumn: Sendable {
        let kind: EntityKind
        let column: String
        /// An SQL literal.
        let oldValue: String
    }

    /// The migration that creates a new kind's table, with its columns and indexes derived
    /// from the kind's declaration (see ``createTableSQL(_:)``).
    static func creating<R: EntityRecord>(_ type: R.Type, version: Int, name: String) -> Migration {
        Migration(version: version, name: name, sql: createTableSQL(type), creates: [R.declaration.kind])
    }

    /// `CREATE TABLE` and its indexes for a kind, as format 1 wrote them and format 4 made
    /// STRICT (SQLite then refuses a value of the wrong type from any program): `slot` the primary
    /// key; references INTEGER slots with deferred foreign keys, enum words, dates, text and
    /// course kinds TEXT, amounts REAL, counts, years and yes/no INTEGER, a period three
    /// columns; NOT NULL unless the field is optional. A unique index on the id (or on the two
    /// fields of the key) and an index on every other reference.
    static func createTableSQL<R: EntityRecord>(_ type: R.Type) -> String {
        let d = R.declaration
        let table = SessionSchema.quoted(SessionSchema.table(d.kind))
        var columns = ["\"slot\" INTEGER PRIMARY KEY"]
        for field in d.allFields {
            let notNull = field.spec.optional ? "" : " NOT NULL"
            switch field.access {
            case .period:
                let names = SessionSchema.columns(of: field).map(SessionSchema.quoted)
                columns += [
                    "\(names[0]) TEXT\(notNull)", "\(names[1]) TEXT\(notNull)", "\(names[2]) INTEGER\(notNull)",
                ]
            case .ref, .optionalRef, .ref32:
                let target = SessionSchema.quoted(SessionSchema.table(field.target!))
                columns.append(
                    "\(SessionSchema.quoted(field.column)) INTEGER\(notNull) REFERENCES \(target) (\"slot\") "
                        + "DEFERRABLE INITIALLY DEFERRED")
            default:
                columns.append("\(SessionSchema.quoted(field.column)) \(sqlType(field.access))\(notNull)")
            }
        }
        var sql = "CREATE TABLE \(table) (\n" + columns.map { "    " + $0 }.joined(separator: ",\n") + "\n) STRICT;\n"
        let keyColumns: [String]
        switch d.key {
        case .id: keyColumns = ["id"]
        case .pair(let a, let b, _): keyColumns = [a, b]
        }
        let indexName = { (names: [String]) in SessionSchema.quoted(([d.kind.rawValue] + names).joined(separator: "_"))
        }
        sql +=
            "CREATE UNIQUE INDEX \(indexName(keyColumns)) ON \(table) "
            + "(\(keyColumns.map(SessionSchema.quoted).joined(separator: ", ")));\n"
        for field in d.allFields where field.target != nil && field.column != keyColumns[0] {
            sql += "CREATE INDEX \(indexName([field.column])) ON \(table) (\(SessionSchema.quoted(field.column)));\n"
        }
        return sql
    }

    private static func sqlType<R>(_ access: FieldAccess<R>) -> String {
        switch access {
        case .number, .optionalNumber: "REAL"
        case .int, .optionalInt, .bool, .ref, .optionalRef, .ref32: "INTEGER"
        case .text, .optionalText, .date, .optionalDate, .enumeration, .period, .courseKinds: "TEXT"
        }
    }
}
