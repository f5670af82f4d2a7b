import CTSDomain
import CTSInterpreter
import CTSOutput
import Foundation
import ZIPFoundation

/// Writes an ``XLSXWorkbook`` as a file: its parts zipped (deflate) in memory by ZIPFoundation,
/// then written through a ``FileSink``, so the old file is replaced only once the new one is
/// whole, as every file cts writes.
///
///     let bytes = try XLSXFile.bytes(of: book)
enum XLSXFile {
    /// The zip file of the workbook's parts.
    static func bytes(of book: XLSXWorkbook) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in book.parts() {
            let data = Data(part.bytes)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }
}

extension ExportWriter {
    /// `export COLLECTION to "F.xlsx"`: every record of the collection in a sheet named after
    /// it, in pieces as the text formats are; the workbook, or the number of rows that was
    /// more than a sheet holds.
    static func workbook(_ kind: EntityKind, of session: Session, pieceSize: Int = 4096)
        -> Result<(book: XLSXWorkbook, records: Int), XLSXWorkbook.TooManyRows>
    {
        let slots = Export.slots(kind, of: session)
        defer { Progress.end() }
        var book = XLSXWorkbook(
            sheetName: kind.plural, columns: Export.table(kind, of: session, slots: slots[0..<0]).columns)
        for start in stride(from: 0, to: slots.count, by: pieceSize) {
            Progress.report("exporting \(kind.plural)", done: start, of: slots.count)
            let piece = Export.table(kind, of: session, slots: slots[start..<min(start + pieceSize, slots.count)])
            do throws(XLSXWorkbook.TooManyRows) {
                try book.append(piece, OutputSpec(.xlsx))
            } catch {
                return .failure(error)
            }
        }
        return .success((book, slots.count))
    }
}
