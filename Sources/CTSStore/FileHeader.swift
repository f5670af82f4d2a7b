#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the first 100 bytes of a file say, read before SQLite touches it, so that a file
/// that is not a cts session is refused without being opened for writing.
///
/// See <https://www.sqlite.org/fileformat.html#the_database_header>.
///
///     switch try FileHeader.read("jiangsu.ctsdb") { case .empty: ...; case .sqlite(let h): h.userVersion }
enum FileHeader {
    /// A zero-length file (SQLite treats it as a new, empty database).
    case empty
    /// Not an SQLite database: too short, or without the "SQLite format 3" magic.
    case notSQLite
    case sqlite(SQLiteHeader)

    struct SQLiteHeader {
        var pageSize: Int
        /// Pages according to the header; trustworthy only when `sizeIsValid`.
        var pageCount: Int
        var sizeIsValid: Bool
        var isWAL: Bool
        var userVersion: Int32
        var applicationID: Int32
        var fileSize: Int

        /// Whether the file is shorter than its header says, or not a whole number of pages.
        var isTruncated: Bool {
            fileSize % pageSize != 0 || (sizeIsValid && pageCount > 0 && fileSize < pageCount * pageSize)
        }
    }

    /// Reads the header of an existing file (an `.io` error if it cannot be read).
    static func read(_ path: String) throws(StoreError) -> FileHeader {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.io, "cannot read \(path): \(errnoText())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError(.io, "cannot read \(path): \(errnoText())") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StoreError(.io, "\(path) is a directory, not a session file") }
        let size = Int(info.st_size)
        if size == 0 { return .empty }
        var bytes = [UInt8](repeating: 0, count: 100)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 100, 0) }
        guard n == 100 else { return .notSQLite }
        let magic = Array("SQLite format 3".utf8) + [0]
        guard Array(bytes[0..<16]) == magic else { return .notSQLite }
        func u32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
        }
        let rawPageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        // A page size must be a power of two from 512 to 65536.
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else { return .notSQLite }
        return .sqlite(
            SQLiteHeader(
                pageSize: pageSize,
                pageCount: Int(u32(28)),
                sizeIsValid: u32(24) == u32(92),
                isWAL: bytes[18] == 2 || bytes[19] == 2,
                userVersion: Int32(bitPattern: u32(60)),
                applicationID: Int32(bitPattern: u32(68)),
                fileSize: size))
    }
}

extension FileHeader {
    var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}
