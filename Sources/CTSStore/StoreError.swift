/// Why a session file could not be opened, read or written (exit status 3).
///
/// The message is a sentence for the user and names the file; the kind lets callers (and tests)
/// tell the cases apart; when SQLite was the one to complain, its result code and the SQL it was
/// running come along, as in GRDB's `DatabaseError`.
///
///     do { _ = try SQLiteBackend.open("jiangsu.ctsdb") }
///     catch { print(error.message) }   // jiangsu.ctsdb is in use by another cts (pid 4242)
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The directory that should hold the file does not exist.
        case missingDirectory
        /// The file does not exist (and was not to be created).
        case missingFile
        /// The file is not an SQLite database at all (a text file, random bytes).
        case notSQLite
        /// The file is an SQLite database but damaged or truncated.
        case corrupt
        /// The file is an SQLite database of some other program.
        case notASession
        /// The file was written by a newer cts, in a format this one cannot read.
        case newerFormat(file: Int, supported: Int)
        /// Another cts (or this one, through another store) has the file open.
        case locked(pid: Int32)
        /// Reading or writing failed (permissions, disk full, a file opened read-only, ...).
        case io
    }

    public var kind: Kind
    /// A sentence for the user, naming the file: "jiangsu.ctsdb is in use by another cts (pid 4242)".
    public var message: String
    /// SQLite's (extended) result code, when SQLite reported the error.
    public var resultCode: Int32?
    /// The SQL statement SQLite was running, when there was one.
    public var sql: String?

    public init(_ kind: Kind, _ message: String, resultCode: Int32? = nil, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.resultCode = resultCode
        self.sql = sql
    }

    public var description: String { message }
}
