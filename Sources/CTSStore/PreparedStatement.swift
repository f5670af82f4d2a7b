import CTSDomain
import GRDB
// The C API of the SQLite that GRDB links (GRDB's own `GRDBSQLite` module), for binding values
// straight from records: going through `StatementArguments` costs more than SQLite's own work.
import GRDBSQLite

/// One SQL statement prepared on a GRDB connection and run many times, with values bound and
/// columns read by index: the fast path for writing and reading a million rows. Finalized when released, so it
/// must not outlive the `Database` access that made it.
///
///     let insert = try PreparedStatement(db, "INSERT INTO plan VALUES (?, ?, ?, ?, ?)")
///     insert.bind(1, 0); insert.bind(2, 3); ...
///     try insert.execute()
final class PreparedStatement {
    private let connection: OpaquePointer
    private let statement: OpaquePointer
    let sql: String

    /// The bytes of the text last bound to each parameter (by index - 1). SQLite reads them in
    /// place (SQLITE_STATIC) until the parameter is bound again or the statement finalized:
    /// binding a text then costs a copy into a buffer that lives as long as the statement,
    /// where SQLITE_TRANSIENT cost an allocation and a copy by SQLite for every value.
    private var texts: [UnsafeMutableRawBufferPointer] = []

    init(_ db: Database, _ sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, sql: sql) }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.connection = connection
        self.statement = statement
        self.sql = sql
    }

    deinit {
        // SQLite no longer points into the text buffers once the statement is gone.
        sqlite3_finalize(statement)
        for text in texts { text.deallocate() }
    }

    @inline(__always) func bind(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { bind(index, utf8: $0) }
    }

    /// Binds UTF-8 bytes as text, copied into the parameter's own buffer (see `texts`).
    func bind(_ index: Int32, utf8: UnsafeBufferPointer<UInt8>) {
        let i = Int(index) - 1
        if i >= texts.count {
            texts.append(
                contentsOf: repeatElement(
                    UnsafeMutableRawBufferPointer(start: nil, count: 0), count: i + 1 - texts.count))
        }
        // Never a nil address, even for an empty text: SQLite would bind NULL.
        if texts[i].baseAddress == nil || texts[i].count < utf8.count {
            // SQLite points at the old buffer until the bind below replaces it.
            texts[i].deallocate()
            texts[i] = .allocate(byteCount: max(utf8.count, 32), alignment: 1)
        }
        let text = texts[i]
        text.copyMemory(from: UnsafeRawBufferPointer(utf8))
        sqlite3_bind_text(
            statement, index, text.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(utf8.count), nil)
    }

    @inline(__always) func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(statement, index) }
    }

    @inline(__always) func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(statement, index, Int64(value))
    }

    @inline(__always) func bind(_ index: Int32, _ value: Int?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(statement, index) }
    }

    @inline(__always) func bind(_ index: Int32, _ value: Double) {
        sqlite3_bind_double(statement, index, value)
    }

    @inline(__always) func bind(_ index: Int32, _ value: Double?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(statement, index) }
    }

    /// Class hours and money are REALs in the file; a record's numbers survive the trip exactly
    /// (``Number/survivesDouble``), and reading turns them back into exact thousandths.
    @inline(__always) func bind(_ index: Int32, _ value: Number) {
        bind(index, value.double)
    }

    @inline(__always) func bind(_ index: Int32, _ value: Number?) {
        bind(index, value?.double)
    }

    // MARK: - Reading rows

    /// Moves to the next row of a query; false when there are no more (the statement is then
    /// ready to run again).
    func step() throws -> Bool {
        let code = sqlite3_step(statement)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            let extended = sqlite3_extended_errcode(connection)
            throw DatabaseError(
                resultCode: ResultCode(rawValue: extended),
                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        return false
    }

    /// Whether column `index` (from 0) of the current row is NULL.
    @inline(__always) func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    /// The storage class of column `index` of the current row: `SQLITE_INTEGER`, `SQLITE_FLOAT`,
    /// `SQLITE_TEXT`, `SQLITE_BLOB` or `SQLITE_NULL`.
    @inline(__always) func storageClass(_ index: Int32) -> Int32 { sqlite3_column_type(statement, index) }

    @inline(__always) func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    @inline(__always) func double(_ index: Int32) -> Double { sqlite3_column_double(statement, index) }

    /// The column as UTF-8 bytes, valid until the next step (no String made).
    @inline(__always) func withText<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let text = sqlite3_column_text(statement, index)
        let count = Int(sqlite3_column_bytes(statement, index))
        return try body(UnsafeBufferPointer(start: text, count: count))
    }

    @inline(__always) func text(_ index: Int32) -> String {
        withText(index) { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Writing rows

    /// Runs the statement with the values bound, then makes it ready for the next ones.
    /// Returns the number of rows it changed.
    @discardableResult
    func execute() throws -> Int {
        let code = sqlite3_step(statement)
        defer { sqlite3_reset(statement) }
        guard code == SQLITE_DONE else {
            let extended = sqlite3_extended_errcode(connection)
            throw DatabaseError(
                resultCode: ResultCode(rawValue: extended),
                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        return Int(sqlite3_changes(connection))
    }
}
