import CTSDomain
import CTSLanguage

// `import COLLECTION from "FILE.csv"`, part one: a streaming RFC 4180 reader that yields rows
// with the line and column of every field. The importer (CSVImporter.swift) checks the rows.
// No file I/O here: the shell hands over the bytes in chunks.

/// One field of a CSV row, with where it starts.
public struct CSVField: Hashable, Sendable {
    /// The value, quotes removed and doubled quotes undone.
    public var text: String
    /// 1-based line and column (in Unicode scalars) of the field's first character (its
    /// opening quote when quoted).
    public var line: Int
    public var column: Int
    /// How many characters the field takes on its first line, quotes included (for a caret).
    public var width: Int
    public var quoted: Bool

    public init(text: String, line: Int, column: Int, width: Int, quoted: Bool = false) {
        self.text = text
        self.line = line
        self.column = column
        self.width = width
        self.quoted = quoted
    }
}

/// One record of a CSV file: its fields, the line it starts on, and its text (for errors).
public struct CSVRow: Hashable, Sendable {
    public var line: Int
    public var fields: [CSVField]
    /// Where the row ends: the position of its line end (or of the end of the file).
    public var endLine: Int
    public var endColumn: Int
    /// The row as written, without its final line end; several lines when a quoted field
    /// spans lines.
    public var source: String

    /// The text of physical line `line` of this row (nil when the row has no such line).
    public func text(ofLine line: Int) -> String? {
        var current = self.line
        var start = source.utf8.startIndex
        var i = start
        let utf8 = source.utf8
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                if current == line { return String(source[start..<i]) }
                var next = utf8.index(after: i)
                if b == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                current += 1
                start = next
                i = next
            } else {
                i = utf8.index(after: i)
            }
        }
        return current == line ? String(source[start...]) : nil
    }
}

/// A CSV file that cannot be imported: what is wrong and where (1-based line and column, the
/// column counted in Unicode scalars as in every cts error).
public struct CSVImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong: a `CSVProblem`, or the `DomainError` of the row's record.
    public var problem: any Problem
    public var line: Int
    public var column: Int
    /// Characters the error is about (at least 1), for the `^~~~` under the line.
    public var width: Int
    /// The text of the line, to quote under the message.
    public var lineText: String?
    /// The other bad rows of the same file, in order (the first is this error itself).
    public var more: [CSVImportError] = []
    /// Bad rows past those reported (see `CSVImporter.maxReportedErrors`).
    public var unshown = 0
    /// What the file's records are called in the last note: rows (CSV) or objects (JSON).
    public var recordNoun = "row"
    /// Which record it is, when the line and column may not say (`object 3 of the array`).
    public var note: String?

    public init(_ problem: some Problem, line: Int, column: Int, width: Int = 1, lineText: String? = nil) {
        self.problem = problem
        self.line = line
        self.column = column
        self.width = max(1, width)
        self.lineText = lineText
    }

    /// The sentence users see, from the problem.
    public var message: String { problem.message }

    /// `LINE:COLUMN: MESSAGE`.
    public var description: String { "\(line):\(column): \(message)" }

    public static func == (a: CSVImportError, b: CSVImportError) -> Bool {
        AnyHashable(a.problem) == AnyHashable(b.problem) && a.line == b.line && a.column == b.column
            && a.width == b.width && a.lineText == b.lineText && a.more == b.more && a.unshown == b.unshown
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(AnyHashable(problem))
        hasher.combine(line)
        hasher.combine(column)
    }

    /// The error as a ``Diagnostic`` on the file `fileName`, so the shell prints it like every
    /// other error (`people.csv:14:23: error: unknown unit 'js.orgg' ...`, the line, a caret).
    /// It registers a source in `files` that holds just the offending line at its line number
    /// (earlier lines empty), since the file itself was never held in memory.
    /// This error and the others of the file (``more``) as diagnostics, the last one noting how
    /// many bad rows there were and that nothing was imported.
    public func diagnostics(fileName: String, files: SourceFiles) -> [Diagnostic] {
        var all = [self] + more
        for i in all.indices { all[i].more = []; all[i].unshown = 0 }
        var result = all.map { $0.diagnostic(fileName: fileName, files: files) }
        let total = all.count + unshown
        if unshown > 0 {
            result[result.count - 1].notes.append(
                "and \(unshown) more bad \(recordNoun)\(unshown == 1 ? "" : "s") "
                    + "(\(total) in all); nothing was imported")
        } else if total > 1 {
            result[result.count - 1].notes.append("\(total) bad \(recordNoun)s; nothing was imported")
        }
        return result
    }

    public func diagnostic(fileName: String, files: SourceFiles) -> Diagnostic {
        let text = String(repeating: "\n", count: line - 1) + (lineText ?? "")
        let id = files.add(name: fileName, text: text)
        let offset = line - 1
        let start = SourceLocation(fileID: id, line: line, column: column, utf8Offset: offset)
        let end = SourceLocation(fileID: id, line: line, column: column + width, utf8Offset: offset)
        var diagnostic = Diagnostic.error(problem, at: SourceRange(start, end))
        if let note { diagnostic.notes.append(note) }
        return diagnostic
    }
}

// MARK: - Reader

/// Reads RFC 4180 CSV from bytes that arrive in chunks, one row at a time, so a file of any
/// size is read in bounded memory (one chunk and one row).
///
/// It accepts: a UTF-8 byte order mark at the start; CRLF, LF or a lone CR as line ends;
/// fields separated by commas, or by the `delimiter` given (`;`, a tab); fields quoted with
/// `"` (a quoted field may hold delimiters, quotes written `""`, and line ends, kept as they
/// are). Text in another encoding reaches it through a ``Transcoder``. Completely empty lines are skipped. It refuses, with the line and column:
/// a quote inside an unquoted field, text after a closing quote, a quote never closed, bytes
/// that are not UTF-8.
///
///     var reader = CSVReader(text: "id,name\nc1,\"Li, Wei\"\n")
///     while let row = try reader.next() { print(row.line, row.fields.map(\.text)) }
///     // 1 ["id", "name"]
///     // 2 ["c1", "Li, Wei"]
public struct CSVReader {
    private var bytes: ByteChunks
    private var started = false
    private var line = 1
    private var column = 1
    /// The bytes of the row being read, for `CSVRow.source`.
    private var raw: [UInt8] = []
    /// The line the row being read starts on.
    private var rowLine = 1
    private var field: [UInt8] = []
    /// The byte between fields: a comma unless `delimiter=` says otherwise.
    private let delimiter: UInt8

    /// A reader over chunks of bytes: `chunks` returns the next piece of the file, or nil at
    /// the end (empty pieces are skipped). An error it throws is passed on by `next()`.
    /// `delimiter` separates the fields (`;` from European exports, a tab).
    public init(chunks: @escaping () throws -> [UInt8]?, delimiter: UInt8 = Byte.comma) {
        bytes = ByteChunks(chunks)
        self.delimiter = delimiter
    }

    /// A reader over text held in memory.
    public init(text: String, delimiter: UInt8 = Byte.comma) {
        bytes = ByteChunks(text: text)
        self.delimiter = delimiter
    }

    /// The next row, or nil at the end of the file. Throws a ``CSVImportError`` for text that
    /// is not valid CSV, and passes on what the chunk source throws.
    public mutating func next() throws -> CSVRow? {
        if !started {
            started = true
            try skipByteOrderMark()
        }
        // Skip empty lines.
        while let b = try peek(), b == Byte.lf || b == Byte.cr { try lineEnd() }
        guard try peek() != nil else { return nil }
        raw.removeAll(keepingCapacity: true)
        rowLine = line
        var fields: [CSVField] = []
        while true {
            let startLine = line, startColumn = column
            var quoted = false
            var width = 0
            field.removeAll(keepingCapacity: true)
            if try peek() == Byte.quote {
                quoted = true
                take(Byte.quote)
                while true {
                    guard let b = try peek() else {
                        throw syntax(.unclosedQuote, startLine, startColumn)
                    }
                    if b == Byte.quote {
                        take(b)
                        if try peek() == Byte.quote {
                            take(Byte.quote)
                            field.append(Byte.quote)
                            continue
                        }
                        break
                    }
                    if b == Byte.lf || b == Byte.cr {
                        if width == 0 { width = column - startColumn }
                        bytes.advance()
                        raw.append(b)
                        field.append(b)
                        if b == Byte.cr, try peek() == Byte.lf {
                            bytes.advance()
                            raw.append(Byte.lf)
                            field.append(Byte.lf)
                        }
                        line += 1
                        column = 1
                        try checkRowSize()
                        continue
                    }
                    take(b)
                    field.append(b)
                    try checkRowSize()
                }
                if let b = try peek(), b != delimiter, b != Byte.lf, b != Byte.cr {
                    throw syntax(.textAfterClosingQuote, line, column)
                }
            } else {
                while let b = try peek(), b != delimiter, b != Byte.lf, b != Byte.cr {
                    if b == Byte.quote {
                        throw syntax(.quoteInsideField, line, column)
                    }
                    take(b)
                    field.append(b)
                    try checkRowSize()
                }
            }
            if width == 0 { width = line == startLine ? column - startColumn : 1 }
            let text: String
            if field.allSatisfy({ $0 < 0x80 }) {
                text = String(decoding: field, as: UTF8.self)
            } else if let valid = String(validating: field, as: UTF8.self) {
                text = valid
            } else {
                throw syntax(.notUTF8, startLine, startColumn, width: width)
            }
            fields.append(CSVField(text: text, line: startLine, column: startColumn, width: width, quoted: quoted))
            if try peek() == delimiter {
                take(delimiter)
                continue
            }
            let row = CSVRow(
                line: rowLine, fields: fields, endLine: line, endColumn: column,
                source: String(decoding: raw, as: UTF8.self))
            try lineEnd()
            return row
        }
    }

    // MARK: Bytes

    @inline(__always) private mutating func peek() throws -> UInt8? { try bytes.peek() }

    /// Consumes a byte that is not a line end, counting the column.
    private mutating func take(_ b: UInt8) {
        bytes.advance()
        raw.append(b)
        if b & 0xC0 != 0x80 { column += 1 }
    }

    /// Consumes a line end (CRLF, LF or CR) if there is one.
    private mutating func lineEnd() throws {
        guard let b = try peek(), b == Byte.lf || b == Byte.cr else { return }
        bytes.advance()
        if b == Byte.cr, try peek() == Byte.lf { bytes.advance() }
        line += 1
        column = 1
    }

    private mutating func skipByteOrderMark() throws {
        _ = try bytes.skip(prefix: [0xEF, 0xBB, 0xBF])
    }

    /// The most one row may hold. Rows are read whole, so without a bound a quote never closed
    /// in a huge file (or a stream of zeros) would be read into memory to its end.
    public static let maxRowBytes = 1 << 20

    private func checkRowSize() throws {
        guard raw.count > Self.maxRowBytes else { return }
        throw CSVImportError(
            CSVProblem.rowTooLong(maxBytes: Self.maxRowBytes), line: rowLine, column: 1,
            lineText: CSVRow(
                line: rowLine, fields: [], endLine: line, endColumn: column,
                source: String(decoding: raw.prefix(200), as: UTF8.self)
            ).text(ofLine: rowLine))
    }

    private func syntax(_ problem: CSVProblem, _ line: Int, _ column: Int, width: Int = 1) -> CSVImportError {
        let partial = CSVRow(
            line: rowLine, fields: [], endLine: self.line, endColumn: self.column,
            source: String(decoding: raw, as: UTF8.self))
        return CSVImportError(problem, line: line, column: column, width: width, lineText: partial.text(ofLine: line))
    }

    public enum Byte {
        static let lf: UInt8 = 0x0A
        static let cr: UInt8 = 0x0D
        static let quote: UInt8 = 0x22
        public static let comma: UInt8 = 0x2C
    }
}
