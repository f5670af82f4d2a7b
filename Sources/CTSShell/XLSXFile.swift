import CTSDomain
import CTSInterpreter
import CTSOutput
import Foundation
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// Makes the zip file of an ``XLSXWorkbook`` in bounded memory: the sheet, which holds every
/// row, is written to a temporary file as the rows come; ZIPFoundation then deflates it from
/// there, with the small fixed parts, into a second temporary file, which the caller copies
/// into place through a ``FileSink`` (so the old file is replaced whole or not at all, or the
/// bytes go to standard output). Both temporary files are private (0600: they hold personal
/// data) and are removed when the workbook is written or fails.
///
///     let zip = try XLSXFile(sheetName: "cadres", columns: table.columns) { book, emit in
///         try book.append(table, OutputSpec(.xlsx), emit)
///     }
///     defer { zip.remove() }
///     try zip.copy { bytes in sink.write(bytes: bytes) }
struct XLSXFile {
    /// The zip file, in the temporary folder.
    let path: String

    /// Writes the sheet (header, the rows `fill` appends, end) and zips the package.
    /// Throws what `fill` throws (``XLSXWorkbook/TooManyRows``), or a ``FileError``.
    init(
        sheetName: String, columns: [String],
        fill: (inout XLSXWorkbook, ([UInt8]) -> Void) throws -> Void
    ) throws {
        var book = XLSXWorkbook(sheetName: sheetName, columns: columns)
        let sheet = try PrivateFile(prefix: "sheet")
        defer { sheet.remove() }
        var writer = BufferedWriter(fd: sheet.fd)
        book.begin { writer.write($0) }
        try fill(&book) { writer.write($0) }
        book.end { writer.write($0) }
        try writer.flush(path: sheet.path)

        let zip = try PrivateFile(prefix: "xlsx")
        path = zip.path
        close(zip.fd)
        do {
            // ZIPFoundation writes the archive at a path that must not exist yet.
            unlink(zip.path)
            let archive = try Archive(url: URL(fileURLWithPath: zip.path), accessMode: .create)
            for part in book.otherParts() {
                let bytes = part.bytes
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                    provider: { position, size in Data(bytes[Int(position)..<Int(position) + size]) })
            }
            let handle = FileHandle(fileDescriptor: sheet.fd, closeOnDealloc: false)
            let size = Int64(lseek(sheet.fd, 0, SEEK_END))
            try archive.addEntry(
                with: XLSXWorkbook.sheetPath, type: .file, uncompressedSize: size, compressionMethod: .deflate,
                provider: { position, length in
                    try handle.seek(toOffset: UInt64(position))
                    return try handle.read(upToCount: length) ?? Data()
                })
        } catch {
            unlink(zip.path)
            throw error
        }
    }

    /// Hands the zip file's bytes to `write`, a piece at a time.
    func copy(_ write: ([UInt8]) -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, errno: errno) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw FileError(path: path, errno: errno) }
            if n == 0 { return }
            write(Array(buffer[0..<n]))
        }
    }

    func remove() { unlink(path) }
}

/// A new file in the temporary folder that only its owner can read, open for writing.
private struct PrivateFile {
    let path: String
    let fd: Int32

    init(prefix: String) throws {
        let directory = FileManager.default.temporaryDirectory.path
        for _ in 0..<5 {
            let candidate = directory + "/cts-\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let fd = open(candidate, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 && errno == EEXIST { continue }
            guard fd >= 0 else { throw FileError(path: candidate, errno: errno) }
            path = candidate
            self.fd = fd
            return
        }
        throw FileError(path: directory, errno: EEXIST)
    }

    func remove() {
        close(fd)
        unlink(path)
    }
}

/// Gathers bytes and writes them to `fd` a megabyte at a time; keeps the first error.
private struct BufferedWriter {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var error: Int32?

    init(fd: Int32) { self.fd = fd }

    mutating func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 20 { writeOut() }
    }

    mutating func flush(path: String) throws {
        writeOut()
        if let error { throw FileError(path: path, errno: error) }
    }

    private mutating func writeOut() {
        if error == nil, !buffer.isEmpty { error = Files.writeAll(buffer, to: fd) }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension ExportWriter {
    /// `export COLLECTION to "F.xlsx"`: every record of the collection in a sheet named after
    /// it, in pieces as the text formats are; the zip file and the number of records.
    static func workbook(_ kind: EntityKind, of session: Session, pieceSize: Int = 4096) throws -> (XLSXFile, Int) {
        let slots = Export.slots(kind, of: session)
        defer { Progress.end() }
        let columns = Export.table(kind, of: session, slots: slots[0..<0]).columns
        let zip = try XLSXFile(sheetName: kind.plural, columns: columns) { book, emit in
            for start in stride(from: 0, to: slots.count, by: pieceSize) {
                Progress.report("exporting \(kind.plural)", done: start, of: slots.count)
                let piece = Export.table(kind, of: session, slots: slots[start..<min(start + pieceSize, slots.count)])
                try book.append(piece, OutputSpec(.xlsx), emit)
            }
        }
        return (zip, slots.count)
    }
}
