import CTSDomain

/// Where a session is kept between runs: the storage the shell opens with `-s`, `open`
/// and `save FILE`, and writes as the session changes.
///
/// The shell knows backends only through this protocol and ``SessionBackends``, so a new
/// kind of storage (a PostgreSQL database) is a new conforming type and one line in
/// ``SessionBackends/all``, with no change to the shell. A backend is opened on one location
/// (for ``SQLiteBackend``, a file path), holds a lock against other cts processes while it
/// is open for writing, and is closed once. Errors are ``StoreError``s, whose message the
/// shell shows as it is (and exits with status 3).
///
///     let backend = try SessionBackends.backend(for: path).open(path, for: .readWrite(create: true))
///     let session = try backend.load()
///     try backend.write([changes])                // one transaction: all of it or none
///     try backend.replaceAll(with: session)       // after `new`, `open`, an undo past a save
///     backend.close()
public protocol SessionBackend: AnyObject {
    /// Whether this backend opens `location` (its scheme, say `postgres://`). Asked in the
    /// order of ``SessionBackends/all``.
    static func handles(_ location: String) -> Bool

    /// Opens the session at `location`: for writing with its lock taken (creating an empty
    /// session if missing and allowed), or only for reading, with no lock and no writes.
    /// Refuses, with the location left as it was, what is not a session this cts can read.
    static func open(_ location: String, for access: SessionAccess) throws(StoreError) -> Self

    /// Writes a whole session to `location` atomically (`save FILE`): afterwards it holds the
    /// old session or this one, never part of either. Fails with `.locked` while any backend
    /// has it open.
    static func save(_ session: Session, to location: String) throws(StoreError)

    /// The location as it was given: it names the session in messages.
    var path: String { get }
    /// Whether it was opened with ``SessionAccess/readOnly``.
    var isReadOnly: Bool { get }
    /// The format version of what was opened (after any upgrade).
    var fileFormat: Int { get }
    /// Whether opening it created it: it did not exist (a mistyped `-s` name).
    var wasCreated: Bool { get }

    /// Whether the session commits through a write-ahead log, so readers never wait for a
    /// write nor hold one up (`set journal wal`).
    var isWAL: Bool { get }
    /// Switches to a write-ahead log or back; the location keeps the choice.
    func setJournal(wal: Bool) throws(StoreError)

    /// Whether `other` names this same session, however it is spelled.
    func isFile(_ other: String) -> Bool
    /// The whole session, every record in its slot.
    func load() throws(StoreError) -> Session
    /// Writes change sets (one command's, or a whole script's) in one transaction.
    func write(_ changes: [ChangeSet]) throws(StoreError)
    /// Brings the stored session up to date with `session`, of which only the records in the
    /// `changed` slots differ from what is stored (a batch run's changes, kept as slots rather
    /// than change sets), in one transaction: all of it or none.
    func write(_ changed: ChangedSlots, of session: Session) throws(StoreError)
    /// Replaces the whole stored session with `session`, in one transaction.
    func replaceAll(with session: Session) throws(StoreError)
    /// Releases the lock and closes. Safe to call twice.
    func close()
}

/// How a backend is opened: to work on (locked), or only to read (`--read-only`, `--dry-run`).
public enum SessionAccess: Sendable, Equatable {
    case readWrite(create: Bool)
    case readOnly
}

/// The backends this cts has, and which of them a location belongs to.
///
///     SessionBackends.backend(for: "jiangsu.ctsdb")   // SQLiteBackend.self
public enum SessionBackends {
    /// Every backend, most particular first: a backend for a URL scheme goes before
    /// ``SQLiteBackend``, which takes any location (a file path).
    static var all: [any SessionBackend.Type] { [SQLiteBackend.self] }

    /// The backend that opens `location`.
    public static func backend(for location: String) -> any SessionBackend.Type {
        all.first { $0.handles(location) } ?? SQLiteBackend.self
    }
}
