import CTSDomain
import GRDB

/// Writes many rows faster: the indexes of the tables written are dropped, the rows written,
/// and the indexes created again from the SQL they were made with, inside the caller's
/// transaction. Building an index once (a sort) costs far less than a million b-tree inserts
/// into it; a duplicate id still fails, when its unique index is re-created, and the
/// transaction with it.
///
///     try BulkLoad.withoutIndexes(db) { try RecordWriter(db).insertAll(session) }
enum BulkLoad {
    /// Below this many rows, indexes are kept up to date row by row.
    static let threshold = 20_000

    /// Runs `body` with the indexes of `kinds` (default: every entity table) dropped.
    static func withoutIndexes(
        _ db: Database, of kinds: Set<EntityKind> = Set(EntityKind.allCases),
        _ body: () throws -> Void
    ) throws {
        let tables = Set(kinds.map(SessionSchema.table))
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid
                """
        ).compactMap { row -> (name: String, sql: String)? in
            let table: String = row["tbl_name"]
            return tables.contains(table) ? (row["name"], row["sql"]) : nil
        }
        for index in indexes { try db.execute(sql: "DROP INDEX \(SessionSchema.quoted(index.name))") }
        // The rows are written with a big page cache, so that the pages they fill are not
        // written out while the transaction runs.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = \(writeCacheSize)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize); PRAGMA threads = 0") }
        try body()
        // Building an index sorts its keys in runs the size of the page cache, merged at the
        // end, with a second thread sorting and merging beside the first. Runs that fit the
        // processor's caches sort faster: the (cadre, course) index of 5M enrollments took
        // 2.2 s with the 32 MiB cache and no helper, 1.45 s with 8 MiB and two helpers.
        try db.execute(sql: "PRAGMA cache_size = \(sortCacheSize); PRAGMA threads = \(sortThreads)")
        for index in indexes { try db.execute(sql: index.sql) }
    }

    /// The page cache while rows are written: 32 MiB (negative: in KiB).
    static let writeCacheSize = -32_768
    /// The page cache, and the run size, while indexes are built: 8 MiB.
    static let sortCacheSize = -8_192
    /// The helper threads SQLite's sorter may start. Measured on 2 cores (the (cadre, course)
    /// index of 5M enrollments): 2.2 s with none, 2.5 s with one, 1.45 s with two, 1.7 s with four.
    static let sortThreads = 2

    /// The kinds whose indexes are worth rebuilding for these change sets, or nil to keep
    /// them: only when nothing is deleted (without its indexes, deleting a parent row would
    /// scan the tables that refer to it) and the rows added are at least half the rows the
    /// tables already have (else rebuilding whole indexes costs more than updating them).
    static func kinds(worthBulkLoading changes: [ChangeSet], in db: Database) throws -> Set<EntityKind>? {
        var kinds = Set<EntityKind>()
        var inserts = 0
        for set in changes {
            for change in set.changes {
                switch change {
                case .delete: return nil
                case .insert: inserts += 1
                case .update, .settings: break
                }
                if let kind = change.kind { kinds.insert(kind) }
            }
        }
        var existing = 0
        for kind in kinds {
            existing +=
                try Int.fetchOne(
                    db, sql: "SELECT max(slot) + 1 FROM \(SessionSchema.quoted(SessionSchema.table(kind)))") ?? 0
        }
        return inserts >= threshold && 2 * inserts >= existing ? kinds : nil
    }

    /// The same for changed slots: only when every slot touched is past the last row of its
    /// table and holds a record (all of them are new rows, none replaces or deletes one).
    ///
    /// The slots past the file's last row that hold records are all changed (the file lacks
    /// them), so when no changed slot lies before that row, they are all new records exactly
    /// when there are as many of them as the session has records beyond the file's.
    static func kinds(
        worthBulkLoading changed: ChangedSlots, of session: Session, in db: Database
    ) throws -> Set<EntityKind>? {
        let kinds = changed.kinds
        var inserts = 0
        var existing = 0
        for kind in kinds {
            let table = SessionSchema.quoted(SessionSchema.table(kind))
            let end = try Int.fetchOne(db, sql: "SELECT max(slot) + 1 FROM \(table)") ?? 0
            guard let first = changed.firstSlot(kind), first >= end else { return nil }
            let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            guard session.count(kind) - rows == changed.count(kind) else { return nil }
            inserts += changed.count(kind)
            existing += end
        }
        return inserts >= threshold && 2 * inserts >= existing ? Set(kinds) : nil
    }
}
