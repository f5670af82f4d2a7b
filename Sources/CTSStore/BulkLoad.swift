import CTSDomain
import GRDB

/// Writes many rows faster: the entity tables' indexes are dropped, the rows written, and the
/// indexes created again from the SQL they were made with, inside the caller's transaction.
/// Building an index once (a sort) costs far less than a million b-tree inserts into it; a
/// duplicate id still fails, when its unique index is re-created, and the transaction with it.
///
///     try db.inTransaction { try BulkLoad.withoutIndexes(db) { try writer.insertAll(session) }; return .commit }
enum BulkLoad {
    /// Below this many rows, indexes are kept up to date row by row.
    static let threshold = 20_000

    static func withoutIndexes(_ db: Database, _ body: () throws -> Void) throws {
        let tables = Set(EntityKind.allCases.map(SessionSchema.table))
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid
            """).compactMap { row -> (name: String, sql: String)? in
                let table: String = row["tbl_name"]
                return tables.contains(table) ? (row["name"], row["sql"]) : nil
            }
        for index in indexes { try db.execute(sql: "DROP INDEX \(SessionSchema.quoted(index.name))") }
        try body()
        for index in indexes { try db.execute(sql: index.sql) }
    }
}
