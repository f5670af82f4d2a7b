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
    private var inserts: [EntityKind: PreparedStatement] = [:]
    private var updates: [EntityKind: PreparedStatement] = [:]
    private var deletes: [EntityKind: PreparedStatement] = [:]

    /// A change that did not find the row it expected: the file is not what memory thinks.
    struct OutOfStep: Error {
        let kind: EntityKind
        let slot: Int
    }

    init(_ db: Database) { self.db = db }

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

    /// Every record of a session, kind by kind in dependency order, slots ascending, and its settings.
    func insertAll(_ session: Session) throws {
        try write(session.settings)
        for kind in EntityKind.dependencyOrder {
            for slot in session.slots(kind) {
                try insert(session.record(kind, slot)!, at: slot)
            }
        }
    }

    private func statement(
        _ cache: inout [EntityKind: PreparedStatement], _ kind: EntityKind,
        _ sql: (EntityKind) -> String
    ) throws -> PreparedStatement {
        if let statement = cache[kind] { return statement }
        let statement = try PreparedStatement(db, sql(kind))
        cache[kind] = statement
        return statement
    }
}
