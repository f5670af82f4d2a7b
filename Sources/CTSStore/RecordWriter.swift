import CTSDomain
import GRDB

/// Writes records into their tables by kind and slot, through one prepared statement per kind
/// and operation, so a change set of a million rows is a million executions of a few statements.
/// Lives only inside one `Database` access.
///
///     let writer = RecordWriter(db)
///     for change in changeSet.changes { try writer.apply(change) }
final class RecordWriter {
    private let db: Database
    fileprivate var inserts: [EntityKind: PreparedStatement] = [:]
    fileprivate var batchInserts: [EntityKind: PreparedStatement] = [:]
    private var updates: [EntityKind: PreparedStatement] = [:]
    fileprivate var deletes: [EntityKind: PreparedStatement] = [:]
    fileprivate var replaces: [EntityKind: PreparedStatement] = [:]

    /// A change that did not find the row it expected: the file is not what memory thinks.
    struct OutOfStep: Error {
        let kind: EntityKind
        let slot: Int
    }

    /// Counts the rows written, for a progress bar (a whole session saved).
    let progress: RowProgress?

    init(_ db: Database, progress: RowProgress? = nil) {
        self.db = db
        self.progress = progress
    }

    func apply(_ change: Change) throws {
        switch change {
        case .insert(let slot, let record): try insert(record, at: slot)
        case .update(let slot, _, let record): try update(record, at: slot)
        case .delete(let slot, let record): try delete(record.kind, at: slot)
        case .settings(_, let new): try write(new)
        }
    }

    /// The session's settings into `meta`: a key per setting that is not the default.
    func write(_ settings: SessionSettings) throws {
        let values: [(String, String?)] = [
            (SessionSchema.todayKey, settings.today.map(DayText.format)),
            (
                SessionSchema.dayHoursKey,
                settings.dayHours == SessionSettings.standard.dayHours
                    ? nil : settings.dayHours.description
            ),
        ]
        for (key, value) in values {
            if let value {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO \"meta\" (\"key\", \"value\") VALUES (?, ?)",
                    arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM \"meta\" WHERE \"key\" = ?", arguments: [key])
            }
        }
    }

    func insert(_ record: CTSDomain.Record, at slot: Int) throws {
        let statement = try statement(&inserts, record.kind, SessionSchema.insertSQL)
        statement.bind(1, slot)
        RecordEncoding.bind(record, to: statement, from: 2)
        try statement.execute()
    }

    func update(_ record: CTSDomain.Record, at slot: Int) throws {
        let statement = try statement(&updates, record.kind, SessionSchema.updateSQL)
        let last = RecordEncoding.bind(record, to: statement, from: 1)
        statement.bind(last, slot)
        guard try statement.execute() == 1 else { throw OutOfStep(kind: record.kind, slot: slot) }
    }

    func delete(_ kind: EntityKind, at slot: Int) throws {
        let statement = try statement(&deletes, kind, SessionSchema.deleteSQL)
        statement.bind(1, slot)
        guard try statement.execute() == 1 else { throw OutOfStep(kind: kind, slot: slot) }
    }

    /// The records of the `changed` slots as `session` has them, kind by kind in dependency
    /// order: a slot holding a record gets its row inserted or replaced, an empty one loses its
    /// row (if it had one), and the settings are written if they changed.
    ///
    /// `INSERT OR REPLACE` makes the order of the slots irrelevant: a row it removes for
    /// holding an id that a record now has (removed, then added again in a later slot) sits
    /// in a changed slot too, so it is written again or deleted in its turn; the rows of
    /// slots not changed are the session's already, and never conflict with its records.
    ///
    /// With `allNew`, the caller knows every changed slot lies past the last row of its table
    /// (``BulkLoad/kinds(worthBulkLoading:of:in:)-(ChangedSlots,_,_)``): the rows are then
    /// plain inserts. `INSERT OR REPLACE` costs far more per row: besides its search for a row
    /// to replace, it makes SQLite open a statement journal, into which it copies the page it
    /// appends to (4 KiB) for every row, in case the statement must be undone.
    func write(_ changed: ChangedSlots, of session: Session, allNew: Bool = false) throws {
        progress?.total = EntityKind.allCases.reduce(0) { $0 + changed.count($1) }
        defer { if progress != nil { Progress.end() } }
        if changed.settingsChanged { try write(session.settings) }
        for kind in EntityKind.dependencyOrder where changed.count(kind) > 0 {
            var writer = KindWriter(writer: self, session: session, slots: allNew ? .new(changed) : .changed(changed))
            try kind.declaration.accept(&writer)
        }
    }

    /// Every record of a session, kind by kind in dependency order, slots ascending, and its settings.
    func insertAll(_ session: Session) throws {
        progress?.total = EntityKind.allCases.reduce(0) { $0 + session.count($1) }
        defer { if progress != nil { Progress.end() } }
        try write(session.settings)
        for kind in EntityKind.dependencyOrder {
            var writer = KindWriter(writer: self, session: session, slots: .all)
            try kind.declaration.accept(&writer)
        }
    }

    /// Writes the records of one kind straight from its typed table, each bound through a
    /// ``RowCodec``: all of them (into empty tables), those of changed slots that are all new
    /// (past the table's last row), or those of any changed slots (replacing their rows,
    /// deleting the rows of slots now empty).
    private struct KindWriter: EntityVisitor {
        enum Slots {
            case all
            case new(ChangedSlots)
            case changed(ChangedSlots)
        }

        let writer: RecordWriter
        let session: Session
        let slots: Slots

        @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
        @_specialize(where R == Unit)
        mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) throws {
            let kind = declaration.kind
            let table = session.table(R.self)
            let codec = RowCodec(declaration)
            let changed: ChangedSlots
            switch slots {
            case .all:
                var insert = try BatchInsert(writer, codec, table)
                for slot in 0..<table.nextSlot where table[slot] != nil { try insert.add(slot) }
                try insert.finish()
                return
            case .new(let new):
                // A new slot left empty (a record added, then removed) has no row to delete.
                var insert = try BatchInsert(writer, codec, table)
                try new.forEachSlot(kind) { slot in if table[slot] != nil { try insert.add(slot) } }
                try insert.finish()
                return
            case .changed(let c): changed = c
            }
            let replace = try writer.statement(&writer.replaces, kind, SessionSchema.replaceSQL)
            let delete = try writer.statement(&writer.deletes, kind, SessionSchema.deleteSQL)
            try changed.forEachSlot(kind) { slot in
                if let r = table[slot] {
                    replace.bind(1, slot)
                    codec.bind(r, to: replace, from: 2)
                    try replace.execute()
                } else {
                    delete.bind(1, slot)
                    try delete.execute()
                }
            }
        }
    }

    /// Inserts new rows ``SessionSchema/batchRows`` at a time, through one statement of that
    /// many rows: SQLite's work per statement (opening the table, finding the end of its
    /// b-tree, finishing the statement) then comes once per batch, not per row. The rows of
    /// the last, partial batch go one by one.
    private struct BatchInsert<R: EntityRecord> {
        let batch: PreparedStatement
        let single: PreparedStatement
        let codec: RowCodec<R>
        let table: CTSDomain.Table<R>
        let progress: RowProgress?
        /// The slots bound into `batch` so far.
        private var pending: [Int] = []

        init(_ writer: RecordWriter, _ codec: RowCodec<R>, _ table: CTSDomain.Table<R>) throws {
            let kind = codec.declaration.kind
            progress = writer.progress
            batch = try writer.statement(&writer.batchInserts, kind, SessionSchema.batchInsertSQL)
            single = try writer.statement(&writer.inserts, kind, SessionSchema.insertSQL)
            self.codec = codec
            self.table = table
            pending.reserveCapacity(SessionSchema.batchRows)
        }

        /// Inserts the record in `slot` (which holds one), or binds it for the next batch.
        mutating func add(_ slot: Int) throws {
            let first = Int32(pending.count) * (codec.sqlColumnCount + 1) + 1
            batch.bind(first, slot)
            codec.bind(table[slot]!, to: batch, from: first + 1)
            pending.append(slot)
            if pending.count == SessionSchema.batchRows {
                try batch.execute()
                progress?.advance(by: pending.count)
                pending.removeAll(keepingCapacity: true)
            }
        }

        /// Inserts the rows of a partial batch.
        mutating func finish() throws {
            for slot in pending {
                single.bind(1, slot)
                codec.bind(table[slot]!, to: single, from: 2)
                try single.execute()
            }
            pending.removeAll()
        }
    }

    fileprivate func statement(
        _ cache: inout [EntityKind: PreparedStatement], _ kind: EntityKind,
        _ sql: (EntityKind) -> String
    ) throws -> PreparedStatement {
        if let statement = cache[kind] { return statement }
        let statement = try PreparedStatement(db, sql(kind))
        cache[kind] = statement
        return statement
    }
}
