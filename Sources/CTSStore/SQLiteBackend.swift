import CTSDomain
import CSQLiteShim
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A session file (`.ctsdb`) opened by this cts: an SQLite database holding the whole
/// session, kept up to date one change set at a time, and locked against other cts processes.
/// The first ``SessionBackend``, and the one every location that names no other opens.
///
/// Opening checks the file before SQLite writes anything: a file that is not SQLite, is
/// truncated, belongs to another program or to a newer cts is refused with a ``StoreError``
/// and left byte for byte as it was. An older format is upgraded in place, in one transaction.
/// `docs/session-files.md` describes the format for other tools.
///
///     let store = try SQLiteBackend.open("jiangsu.ctsdb")    // created if missing, locked
///     let session = try store.load()
///     var changes = ChangeSet()
///     try session.add(.unit(Unit(id: "js", name: "Jiangsu", kind: .locality, level: .province)), &changes)
///     try store.write([changes])                              // one transaction
///     store.close()
public final class SQLiteBackend: SessionBackend {
    /// The file's path as it was given (it names the file in messages).
    public let path: String
    /// Whether the store was opened with ``openReadOnly(_:)``: no lock, no writes.
    public let isReadOnly: Bool
    /// The file's format version when it was opened (after any upgrade); 0 for an empty file
    /// opened read-only.
    public private(set) var fileFormat: Int
    /// The cts version recorded in `meta` when the file is written.
    let ctsVersion: String
    /// Whether ``open(_:create:ctsVersion:)`` created the file: it did not exist.
    public private(set) var wasCreated = false

    private var queue: DatabaseQueue?
    private var lock: FileLock?
    /// SQL executed so far, when the store records it (``inMemory(recordingSQL:)``).
    private let recorder: SQLRecorder?

    /// The format version this build writes (and the newest it reads).
    public static let formatVersion: Int = SessionSchema.currentVersion
    /// The cts version written into `meta` when the caller does not give one.
    public static let defaultCTSVersion = "0.1.0"

    private init(
        path: String, queue: DatabaseQueue, lock: FileLock?, format: Int, readOnly: Bool,
        ctsVersion: String, recorder: SQLRecorder? = nil
    ) {
        self.path = path
        self.queue = queue
        self.lock = lock
        self.fileFormat = format
        self.isReadOnly = readOnly
        self.ctsVersion = ctsVersion
        self.recorder = recorder
    }

    deinit { close() }

    // MARK: - Opening

    /// Every location is a file path to SQLite: it is the backend of last resort.
    public static func handles(_ location: String) -> Bool { true }

    /// ``open(_:create:ctsVersion:)`` or ``openReadOnly(_:)``, as `access` says.
    public static func open(_ path: String, for access: SessionAccess) throws(StoreError) -> SQLiteBackend {
        switch access {
        case .readWrite(let create): return try open(path, create: create)
        case .readOnly: return try openReadOnly(path)
        }
    }

    /// Opens a session file for reading and writing, creating it (mode 0600, with its schema)
    /// if missing and `create` is true; takes the file's lock (`FILE.lock`, and a flock on the
    /// file itself).
    ///
    /// An older format is upgraded in place (named, ordered migrations in one transaction,
    /// recorded in `schema_migrations`). Refused, with the file left unmodified: a newer
    /// format (the message names both versions), a file that is not SQLite, a truncated or
    /// damaged one, an SQLite file that is not a cts session, a missing directory, a file
    /// another cts has open (`.locked(pid:)`).
    public static func open(
        _ path: String, create: Bool = true,
        ctsVersion: String = defaultCTSVersion
    ) throws(StoreError) -> SQLiteBackend {
        try FileSystem.checkDirectory(of: path, creating: create)
        let lock = try FileLock.acquire(for: path)
        var created = false
        do throws(StoreError) {
            if !FileSystem.exists(path) {
                guard create else { throw StoreError(.missingFile, "\(path) does not exist") }
                try FileSystem.createPrivateFile(path)
                created = true
            }
            try lock.lockFile(path)
            let header = try FileHeader.read(path)
            if !FileSystem.hasHotJournal(path) { try check(header, of: path) }
            let queue = try openQueue(path, readOnly: false)
            let format: Int
            do throws(StoreError) {
                format = try prepare(queue, path, isNew: header.isEmpty, ctsVersion: ctsVersion)
            } catch {
                try? queue.close()
                throw error
            }
            let store = SQLiteBackend(
                path: path, queue: queue, lock: lock, format: format, readOnly: false,
                ctsVersion: ctsVersion)
            store.wasCreated = created
            return store
        } catch {
            if created { unlink(path) }
            lock.release()
            throw error
        }
    }

    /// Opens a session file without taking its lock and without writing anything
    /// (`--read-only`); ``load()`` reads a consistent snapshot even while another cts writes.
    /// An older format is read as it is, not upgraded.
    public static func openReadOnly(_ path: String) throws(StoreError) -> SQLiteBackend {
        try FileSystem.checkDirectory(of: path, creating: false)
        guard FileSystem.exists(path) else { throw StoreError(.missingFile, "\(path) does not exist") }
        let header = try FileHeader.read(path)
        if !FileSystem.hasHotJournal(path) { try check(header, of: path) }
        if header.isEmpty {
            // A zero-length file is an empty session; there is nothing to read from it.
            do {
                return SQLiteBackend(
                    path: path, queue: try DatabaseQueue(), lock: nil, format: 0, readOnly: true,
                    ctsVersion: defaultCTSVersion)
            } catch {
                throw storeError(error, path, doing: "read")
            }
        }
        let queue = try openQueue(path, readOnly: true)
        do {
            let format = try queue.inDatabase { db in try validate(db, path) }
            return SQLiteBackend(
                path: path, queue: queue, lock: nil, format: format, readOnly: true,
                ctsVersion: defaultCTSVersion)
        } catch {
            try? queue.close()
            throw storeError(error, path, doing: "read")
        }
    }

    /// A store on an in-memory database, for tests; with `recordingSQL`, ``executedSQL``
    /// lists every statement it runs.
    static func inMemory(recordingSQL: Bool = false) throws -> SQLiteBackend {
        let recorder = recordingSQL ? SQLRecorder() : nil
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            try Migrator.migrate(db)
            if let recorder { db.trace { recorder.append($0.expandedDescription) } }
        }
        return SQLiteBackend(
            path: ":memory:", queue: queue, lock: nil, format: SessionSchema.currentVersion,
            readOnly: false, ctsVersion: defaultCTSVersion, recorder: recorder)
    }

    /// Statements run since the store was made (``inMemory(recordingSQL:)`` only).
    var executedSQL: [String] { recorder?.statements ?? [] }

    func clearExecutedSQL() { recorder?.statements.removeAll() }

    /// Whether `other` names this store's file (the same file, however the path is spelled).
    public func isFile(_ other: String) -> Bool { FileSystem.sameFile(path, other) }

    // MARK: - Reading and writing

    /// The whole session in the file, every record in its slot (so list order, which is
    /// insertion order, and the empty slots of removed records survive).
    public func load() throws(StoreError) -> Session {
        let queue = try openedQueue()
        if fileFormat == 0 { return Session() }
        let format = fileFormat, path = self.path
        do {
            // An in-memory database (tests) has no file a second connection could open.
            let file = path == ":memory:" ? nil : path
            return try queue.read { db in
                try SessionLoader(db: db, file: path, format: format, progress: RowProgress("opening \(path)")).load(
                    path: file)
            }
        } catch {
            throw Self.storeError(error, path, doing: "read")
        }
    }

    /// Writes change sets (one command's, or a whole script's) in one transaction: inserts,
    /// updates and deletes by kind and slot, not a rewrite of the file. All or nothing: if
    /// anything fails the file is exactly as before.
    public func write(_ changes: [ChangeSet]) throws(StoreError) {
        let count = changes.reduce(0) { $0 + $1.changes.count }
        guard count > 0 else { return }
        try transaction { db in
            let writer = RecordWriter(db)
            let all = {
                for set in changes {
                    for change in set.changes { try writer.apply(change) }
                }
            }
            if count >= BulkLoad.threshold, let kinds = try BulkLoad.kinds(worthBulkLoading: changes, in: db) {
                try BulkLoad.withoutIndexes(db, of: kinds, all)
            } else {
                try all()
            }
        }
    }

    /// Writes the records of the `changed` slots as `session` has them now, in one transaction:
    /// each slot's row replaced by its record, or deleted when the slot is empty. The rest of the
    /// file must already be what `session` holds. All or nothing, like ``write(_:)-([ChangeSet])``.
    public func write(_ changed: ChangedSlots, of session: Session) throws(StoreError) {
        guard !changed.isEmpty else { return }
        // Whether every changed slot is a new row (a fresh file after a batch run), found
        // before the transaction: reference checks can only be switched off outside one. The
        // file's lock keeps other cts processes from writing in between.
        let bulk: Set<EntityKind>?
        do {
            bulk = try openedQueue().read { db in try BulkLoad.kinds(worthBulkLoading: changed, of: session, in: db) }
        } catch {
            throw Self.storeError(error, path, doing: "write")
        }
        guard let kinds = bulk else {
            try transaction { db in try RecordWriter(db).write(changed, of: session) }
            return
        }
        // The new rows come from the session, whose references all name records (it refuses
        // any change that would leave one dangling), so SQLite need not look up the two rows
        // each enrollment names; as in ``AtomicSave``.
        try transaction(checkingReferences: false) { db in
            try BulkLoad.withoutIndexes(db, of: kinds) {
                try RecordWriter(db, progress: RowProgress("writing \(path)")).write(changed, of: session, allNew: true)
            }
        }
    }

    /// Replaces the file's whole content with this session (after `new`, `open`, an undo past
    /// a save, ...), in one transaction.
    public func replaceAll(with session: Session) throws(StoreError) {
        try transaction { db in
            // Children first, so that each parent row deleted has no children left to look for.
            for kind in EntityKind.dependencyOrder.reversed() {
                try db.execute(sql: "DELETE FROM \(SessionSchema.quoted(SessionSchema.table(kind)))")
            }
            try BulkLoad.withoutIndexes(db) {
                try RecordWriter(db, progress: RowProgress("saving \(path)")).insertAll(session)
            }
        }
    }

    /// Releases the lock and closes the file. Safe to call twice.
    public func close() {
        if let queue { try? queue.close() }
        queue = nil
        lock?.release()
        lock = nil
    }

    /// Runs `body` and the `meta` update in one immediate transaction; without
    /// `checkingReferences`, SQLite's foreign key checks are off for it.
    private func transaction(checkingReferences: Bool = true, _ body: (Database) throws -> Void) throws(StoreError) {
        guard !isReadOnly else {
            throw StoreError(.io, "\(path) was opened read-only; nothing was written")
        }
        let queue = try openedQueue()
        let version = ctsVersion
        do {
            try queue.inDatabase { db in
                if !checkingReferences { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !checkingReferences { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                try db.inTransaction(.immediate) {
                    try body(db)
                    try Self.touchMeta(db, ctsVersion: version)
                    return .commit
                }
            }
        } catch {
            throw Self.storeError(error, path, doing: "write")
        }
    }

    private func openedQueue() throws(StoreError) -> DatabaseQueue {
        guard let queue else { throw StoreError(.io, "\(path) is closed") }
        return queue
    }

    // MARK: - Atomic save

    /// Writes a whole session to `path` atomically: a temporary file in the same directory,
    /// written and synced, then renamed over `path`, then the directory synced; mode 0600. A
    /// kill at any instant leaves the old file or the new one, never a damaged one.
    ///
    /// Takes `path`'s lock while it works, so it fails with `.locked` if any store (another
    /// cts, or this one) has the file open: to save the file a store has open, use that
    /// store's ``replaceAll(with:)``. An existing file that is not a cts session this cts can
    /// read is not overwritten.
    public static func save(_ session: Session, to path: String) throws(StoreError) {
        try save(session, to: path, ctsVersion: defaultCTSVersion)
    }

    /// ``save(_:to:)``, recording `ctsVersion` in the file's `meta`.
    public static func save(_ session: Session, to path: String, ctsVersion: String) throws(StoreError) {
        try FileSystem.checkDirectory(of: path, creating: true)
        let lock = try FileLock.acquire(for: path)
        defer { lock.release() }
        var keepsWAL = false
        if FileSystem.exists(path) {
            // No one may have the old file open under another name while it is replaced.
            try lock.lockFile(path)
            // The old file's interrupted transaction must be rolled back (by SQLite) before the
            // file is replaced: a journal left beside the new file would be played into it.
            if FileSystem.hasHotJournal(path) { try recover(path) }
            let header = try FileHeader.read(path)
            try check(header, of: path, saving: true)
            if case .sqlite(let h) = header, h.isWAL {
                keepsWAL = true
                // A write-ahead log left beside the new file would be played into it.
                try switchJournal(of: path, toWAL: false, doing: "save")
            }
        }
        // Through a symbolic link, the file it points to is replaced, not the link.
        let target = FileSystem.resolved(path)
        defer { if keepsWAL { try? switchJournal(of: target, toWAL: true, doing: "save") } }
        try AtomicSave.write(to: target, name: path) { db throws in
            try Migrator.migrate(db)
            try db.inTransaction {
                try BulkLoad.withoutIndexes(db) {
                    try RecordWriter(db, progress: RowProgress("saving \(path)")).insertAll(session)
                }
                try touchMeta(db, ctsVersion: ctsVersion)
                return .commit
            }
        }
    }

    // MARK: - Helpers

    private static func openQueue(_ path: String, readOnly: Bool) throws(StoreError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        // A writer waits for a --read-only reader's snapshot to finish, and the other way round.
        configuration.busyMode = .timeout(10)
        configuration.label = "cts session \(path)"
        // A trigger another tool put in the file must not run on cts's writes.
        configuration.prepareDatabase { db in
            let code = cts_sqlite_distrust_schema(UnsafeMutableRawPointer(db.sqliteConnection))
            if code != 0 { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw storeError(error, path, doing: readOnly ? "read" : "open")
        }
    }

    /// Refuses what the header alone shows is not a readable cts session.
    private static func check(_ header: FileHeader, of path: String, saving: Bool = false) throws(StoreError) {
        let kept = saving ? "; it was not overwritten" : ""
        switch header {
        case .empty:
            return
        case .notSQLite:
            throw StoreError(.notSQLite, "\(path) is not a cts session file (not an SQLite database)\(kept)")
        case .sqlite(let h):
            if h.isTruncated {
                let expected = h.sizeIsValid && h.pageCount > 0 ? ", expected \(h.pageCount * h.pageSize)" : ""
                throw StoreError(
                    .corrupt, "\(path) is damaged: it is truncated (\(h.fileSize) bytes\(expected))\(kept)")
            }
            if h.applicationID != SessionSchema.applicationID {
                throw StoreError(.notASession, "\(path) is an SQLite database but not a cts session file\(kept)")
            }
            if Int(h.userVersion) > SessionSchema.currentVersion {
                throw newerFormat(path, Int(h.userVersion), kept)
            }
        }
    }

    private static func newerFormat(_ path: String, _ version: Int, _ suffix: String = "") -> StoreError {
        StoreError(
            .newerFormat(file: version, supported: SessionSchema.currentVersion),
            "\(path) has session format \(version), but this cts reads formats up to "
                + "\(SessionSchema.currentVersion); open it with a newer cts\(suffix)")
    }

    /// Creates the schema of a new file, or checks an existing one and upgrades it.
    /// Returns the file's format version afterwards.
    private static func prepare(
        _ queue: DatabaseQueue, _ path: String, isNew: Bool,
        ctsVersion: String
    ) throws(StoreError) -> Int {
        do {
            return try queue.inDatabase { db in
                if isNew {
                    try Migrator.migrate(db)
                    try db.inTransaction {
                        try touchMeta(db, ctsVersion: ctsVersion)
                        return .commit
                    }
                    return SessionSchema.currentVersion
                }
                let version = try validate(db, path)
                if version < SessionSchema.currentVersion { try Migrator.migrate(db) }
                // The journal mode stays as the file has it: `set journal wal` (or another
                // tool) may have chosen WAL, which SQLite keeps in the file.
                return SessionSchema.currentVersion
            }
        } catch {
            throw storeError(error, path, doing: "open")
        }
    }

    /// Checks, through SQLite, that an open file is a cts session of a format this cts reads
    /// and has its tables; returns its format version.
    private static func validate(_ db: Database, _ path: String) throws -> Int {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard applicationID == SessionSchema.applicationID, version >= 1 else {
            throw StoreError(.notASession, "\(path) is an SQLite database but not a cts session file")
        }
        guard version <= SessionSchema.currentVersion else { throw newerFormat(path, version) }
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        let needed = ["meta", "schema_migrations"] + SessionSchema.kinds(inFormat: version).map(SessionSchema.table)
        if let missing = needed.first(where: { !tables.contains($0) }) {
            throw StoreError(.corrupt, "\(path) is damaged: its table '\(missing)' is missing")
        }
        return version
    }

    // MARK: - Journal mode

    /// Whether the file commits through a write-ahead log (`set journal wal`): readers
    /// (sqlite3, pandas, a `--read-only` cts) then neither wait for cts's writes nor hold
    /// them up. Otherwise SQLite's rollback journal (`DELETE`), the default.
    public var isWAL: Bool {
        let mode = try? queue?.inDatabase { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        return mode == "wal"
    }

    /// Switches the open file to WAL or back to the rollback journal. SQLite records the mode
    /// in the file, so it holds for every later open, by cts or any other program.
    public func setJournal(wal: Bool) throws(StoreError) {
        guard !isReadOnly else {
            throw StoreError(.io, "\(path) was opened read-only; its journal mode was not changed")
        }
        try Self.switchJournal(on: try openedQueue(), path, toWAL: wal, doing: "change the journal mode of")
    }

    private static func switchJournal(of path: String, toWAL wal: Bool, doing: String) throws(StoreError) {
        let queue = try openQueue(path, readOnly: false)
        defer { try? queue.close() }
        try switchJournal(on: queue, path, toWAL: wal, doing: doing)
    }

    /// Leaving WAL needs the file to itself: while another program reads it, SQLite refuses
    /// (after the busy timeout), and so does cts.
    private static func switchJournal(
        on queue: DatabaseQueue, _ path: String, toWAL wal: Bool, doing: String
    ) throws(StoreError) {
        let wanted = wal ? "wal" : "delete"
        let mode: String?
        do {
            mode = try queue.inDatabase { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = \(wanted)") }
        } catch {
            throw storeError(error, path, doing: doing)
        }
        guard mode == wanted else {
            throw StoreError(
                .io,
                "cannot \(doing) \(path): another program is reading it in WAL mode; try again once it is done")
        }
    }

    /// Lets SQLite roll back the interrupted transaction of a file with a hot journal.
    private static func recover(_ path: String) throws(StoreError) {
        let queue = try openQueue(path, readOnly: false)
        defer { try? queue.close() }
        do {
            _ = try queue.inDatabase { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            throw storeError(error, path, doing: "recover")
        }
    }

    static func touchMeta(_ db: Database, ctsVersion: String) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO "meta" ("key", "value") VALUES
                    ('cts_version', ?), ('last_saved', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                """,
            arguments: [ctsVersion])
    }

    /// A ``StoreError`` for anything thrown while working on `path`.
    static func storeError(_ error: any Error, _ path: String, doing: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? RecordWriter.OutOfStep {
            return StoreError(
                .io,
                "cannot write \(path): it has no \(error.kind.rawValue) in slot \(error.slot), so it "
                    + "is out of step with the session; nothing was written (save to a new file to keep "
                    + "the session)")
        }
        if let error = error as? DatabaseError {
            let code = error.extendedResultCode.rawValue
            let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            func make(_ kind: StoreError.Kind, _ message: String) -> StoreError {
                StoreError(kind, message, resultCode: code, sql: error.sql)
            }
            switch error.resultCode {
            case .SQLITE_NOTADB:
                return make(.notSQLite, "\(path) is not a cts session file (not an SQLite database)")
            case .SQLITE_CORRUPT:
                return make(.corrupt, "\(path) is damaged (\(detail))")
            case .SQLITE_FULL:
                return make(.io, "cannot \(doing) \(path): the disk is full; nothing was written")
            case .SQLITE_BUSY:
                return make(.io, "cannot \(doing) \(path): another program keeps it busy (\(detail))")
            case .SQLITE_CANTOPEN:
                return make(.io, "cannot \(doing) \(path): \(detail)")
            case .SQLITE_READONLY where code == 776:  // SQLITE_READONLY_ROLLBACK
                return make(
                    .io,
                    "\(path) was left half-written by a program that stopped in the middle of a "
                        + "change; open it once without --read-only to recover it")
            case .SQLITE_READONLY:
                return make(.io, "cannot \(doing) \(path): it is read-only (\(detail))")
            case .SQLITE_CONSTRAINT:
                return make(
                    .io,
                    "cannot \(doing) \(path): the changes break a rule of the file (\(detail)); "
                        + "nothing was written")
            default:
                return make(.io, "cannot \(doing) \(path): \(detail)")
            }
        }
        if let error = error as? StrictRebuild.UnconvertibleValue {
            let row =
                EntityKind(rawValue: error.table).map { "\($0.rawValue) \(error.slot)" }
                ?? "\(error.table) row \(error.slot)"
            return StoreError(
                .corrupt,
                "\(path) is damaged: \(row), column \(error.column) \(error.problem); it was not upgraded "
                    + "to format \(SessionSchema.currentVersion) and is unchanged")
        }
        if error is RowDecodingError {
            return StoreError(.corrupt, "\(path) is damaged (\(error))")
        }
        return StoreError(.io, "cannot \(doing) \(path): \(error)")
    }
}
