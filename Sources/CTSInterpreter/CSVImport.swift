import CTSDomain
import CTSLanguage

// `import COLLECTION from "FILE.csv"`: a streaming RFC 4180 reader and an importer that checks
// every row as the matching command would, all or nothing. No file I/O here: the shell hands
// over the bytes in chunks.

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
    public var message: String
    public var line: Int
    public var column: Int
    /// Characters the error is about (at least 1), for the `^~~~` under the line.
    public var width: Int
    /// The text of the line, to quote under the message.
    public var lineText: String?

    public init(_ message: String, line: Int, column: Int, width: Int = 1, lineText: String? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.width = max(1, width)
        self.lineText = lineText
    }

    /// `LINE:COLUMN: MESSAGE`.
    public var description: String { "\(line):\(column): \(message)" }

    /// The error as a ``Diagnostic`` on the file `fileName`, so the shell prints it like every
    /// other error (`people.csv:14:23: error: unknown unit 'js.orgg' ...`, the line, a caret).
    /// It registers a source in `files` that holds just the offending line at its line number
    /// (earlier lines empty), since the file itself was never held in memory.
    public func diagnostic(fileName: String, files: SourceFiles) -> Diagnostic {
        let text = String(repeating: "\n", count: line - 1) + (lineText ?? "")
        let id = files.add(name: fileName, text: text)
        let offset = line - 1
        let start = SourceLocation(fileID: id, line: line, column: column, utf8Offset: offset)
        let end = SourceLocation(fileID: id, line: line, column: column + width, utf8Offset: offset)
        return .error(message, at: SourceRange(start, end))
    }
}

// MARK: - Reader

/// Reads RFC 4180 CSV from bytes that arrive in chunks, one row at a time, so a file of any
/// size is read in bounded memory (one chunk and one row).
///
/// It accepts: a UTF-8 byte order mark at the start; CRLF, LF or a lone CR as line ends;
/// fields quoted with `"` (a quoted field may hold commas, quotes written `""`, and line ends,
/// kept as they are). Completely empty lines are skipped. It refuses, with the line and column:
/// a quote inside an unquoted field, text after a closing quote, a quote never closed, bytes
/// that are not UTF-8.
///
///     var reader = CSVReader(text: "id,name\nc1,\"Li, Wei\"\n")
///     while let row = try reader.next() { print(row.line, row.fields.map(\.text)) }
///     // 1 ["id", "name"]
///     // 2 ["c1", "Li, Wei"]
public struct CSVReader {
    private let source: () throws -> [UInt8]?
    private var chunk: [UInt8] = []
    private var index = 0
    private var exhausted = false
    private var started = false
    private var line = 1
    private var column = 1
    /// The bytes of the row being read, for `CSVRow.source`.
    private var raw: [UInt8] = []
    /// The line the row being read starts on.
    private var rowLine = 1
    private var field: [UInt8] = []

    /// A reader over chunks of bytes: `chunks` returns the next piece of the file, or nil at
    /// the end (empty pieces are skipped). An error it throws is passed on by `next()`.
    public init(chunks: @escaping () throws -> [UInt8]?) {
        source = chunks
    }

    /// A reader over text held in memory.
    public init(text: String) {
        var given = false
        let bytes = Array(text.utf8)
        source = {
            if given { return nil }
            given = true
            return bytes
        }
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
                        throw syntax("this quoted field is never closed: a \" is missing", startLine, startColumn)
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
                        index += 1
                        raw.append(b)
                        field.append(b)
                        if b == Byte.cr, try peek() == Byte.lf {
                            index += 1
                            raw.append(Byte.lf)
                            field.append(Byte.lf)
                        }
                        line += 1
                        column = 1
                        continue
                    }
                    take(b)
                    field.append(b)
                }
                if let b = try peek(), b != Byte.comma, b != Byte.lf, b != Byte.cr {
                    throw syntax("unexpected text after the closing quote of a field; a field that is quoted "
                                 + "must be quoted as a whole, with its quotes doubled", line, column)
                }
            } else {
                while let b = try peek(), b != Byte.comma, b != Byte.lf, b != Byte.cr {
                    if b == Byte.quote {
                        throw syntax("a quote inside a field that does not start with one; quote the whole field "
                                     + "and double the quote: \"a \"\"b\"\" c\"", line, column)
                    }
                    take(b)
                    field.append(b)
                }
            }
            if width == 0 { width = line == startLine ? column - startColumn : 1 }
            let text: String
            if field.allSatisfy({ $0 < 0x80 }) {
                text = String(decoding: field, as: UTF8.self)
            } else if let valid = String(validating: field, as: UTF8.self) {
                text = valid
            } else {
                throw syntax("this field is not UTF-8 text; save the file as UTF-8", startLine, startColumn,
                             width: width)
            }
            fields.append(CSVField(text: text, line: startLine, column: startColumn, width: width, quoted: quoted))
            if try peek() == Byte.comma {
                take(Byte.comma)
                continue
            }
            let row = CSVRow(line: rowLine, fields: fields, endLine: line, endColumn: column,
                             source: String(decoding: raw, as: UTF8.self))
            try lineEnd()
            return row
        }
    }

    // MARK: Bytes

    private mutating func peek() throws -> UInt8? {
        if index < chunk.count { return chunk[index] }
        return try refill() ? chunk[index] : nil
    }

    private mutating func refill() throws -> Bool {
        while !exhausted {
            guard let next = try source() else {
                exhausted = true
                break
            }
            if !next.isEmpty {
                chunk = next
                index = 0
                return true
            }
        }
        chunk = []
        index = 0
        return false
    }

    /// Consumes a byte that is not a line end, counting the column.
    private mutating func take(_ b: UInt8) {
        index += 1
        raw.append(b)
        if b & 0xC0 != 0x80 { column += 1 }
    }

    /// Consumes a line end (CRLF, LF or CR) if there is one.
    private mutating func lineEnd() throws {
        guard let b = try peek(), b == Byte.lf || b == Byte.cr else { return }
        index += 1
        if b == Byte.cr, try peek() == Byte.lf { index += 1 }
        line += 1
        column = 1
    }

    private mutating func skipByteOrderMark() throws {
        while chunk.count - index < 3, !exhausted {
            guard let more = try source() else {
                exhausted = true
                break
            }
            chunk = Array(chunk[index...]) + more
            index = 0
        }
        if chunk.count - index >= 3, chunk[index] == 0xEF, chunk[index + 1] == 0xBB, chunk[index + 2] == 0xBF {
            index += 3
        }
    }

    private func syntax(_ message: String, _ line: Int, _ column: Int, width: Int = 1) -> CSVImportError {
        let partial = CSVRow(line: rowLine, fields: [], endLine: self.line, endColumn: self.column,
                             source: String(decoding: raw, as: UTF8.self))
        return CSVImportError(message, line: line, column: column, width: width, lineText: partial.text(ofLine: line))
    }

    private enum Byte {
        static let lf: UInt8 = 0x0A
        static let cr: UInt8 = 0x0D
        static let quote: UInt8 = 0x22
        static let comma: UInt8 = 0x2C
    }
}

// MARK: - Importer

/// Adds the rows of a CSV file to a collection, checking each as the matching command would,
/// and all or nothing: on the first bad row everything it added is taken back.
///
/// The first row names the columns with the field names of spec §2 (`id,name,unit,rank,...`,
/// any order, any case, a subset as long as every required field is there); each later row is
/// one record. An empty cell means the field is absent. Each row goes through
/// `Session.makeRecord` like the `add` command's options, then:
///
/// - units, cadres, courses, rules, inspections, findings, practices are added (a duplicate id
///   is refused); a rule's `for` is read as a condition (with an interpreter, also checked
///   against the session like `rule add`), a finding with `status=resolved` is checked like
///   `finding resolve`;
/// - budgets and plans are set like `budget set` / `plan set` (a line for the same unit and year
///   is changed);
/// - exemptions are made like `exempt` (a reason is required);
/// - enrollments are added in their status: `completed` is checked like `complete` (hours
///   default to the course's and may not exceed them, the date defaults to its end and may not
///   precede its start), only a completed enrollment may have hours or a date, an enrolled or
///   completed one needs a place in a course with a capacity, and a cadre may be enrolled in a
///   course only once. A cadre who has left may have enrollments (they are records of the past).
///
/// Every error names the line and column: the cell of the field at fault, the header cell of an
/// unknown or repeated column, the first extra cell or the end of a short row.
///
/// The importer itself never reads a file. The shell gives it the bytes in chunks:
///
///     let file = try FileHandle(forReadingFrom: url)
///     let changes = try CSVImporter.run(.cadre, into: interpreter,
///                                        chunks: { try file.read(upToCount: 1 << 16).map(Array.init) },
///                                        progress: { n in bar.show("\(n) rows") })
///     interpreter.recordChanges(changes, name: "import cadres (\(changes.changes.count) added)")
///
/// and on a thrown ``CSVImportError`` prints `error.diagnostic(fileName:files:)`; the session is
/// then exactly as before. Memory: one chunk, one row, and the change set (which undo keeps).
public struct CSVImporter {
    public let kind: EntityKind
    public let session: Session
    private let interpreter: Interpreter?
    /// What the import has added (or changed, for budgets and plans) so far, in order.
    public private(set) var changes = ChangeSet()
    /// Rows imported so far.
    public private(set) var rowCount = 0
    /// The field of each column, once the header is read.
    private var columns: [String] = []
    private var columnOf: [String: Int] = [:]

    /// Progress is reported every this many rows.
    public static let progressInterval = 10_000

    /// An importer into `session`; a rule's `for` is checked as syntax only.
    public init(_ kind: EntityKind, into session: Session) {
        self.kind = kind
        self.session = session
        self.interpreter = nil
    }

    /// An importer into the interpreter's session that checks a rule's `for` condition exactly
    /// like `rule add` (fields, enum words, ids and rules it names must exist).
    public init(_ kind: EntityKind, into interpreter: Interpreter) {
        self.kind = kind
        self.session = interpreter.session
        self.interpreter = interpreter
    }

    /// Imports a whole CSV source: reads the header and every row, calling `progress` with the
    /// number of rows imported every 10,000 rows. Returns the changes made (for undo and for
    /// writing to a session file). On any error, the session is put back as it was and the
    /// error is thrown: a ``CSVImportError``, or what `chunks` threw.
    public static func run(_ kind: EntityKind, into interpreter: Interpreter,
                           chunks: @escaping () throws -> [UInt8]?,
                           progress: (Int) -> Void = { _ in }) throws -> ChangeSet {
        var importer = CSVImporter(kind, into: interpreter)
        var reader = CSVReader(chunks: chunks)
        return try importer.run(&reader, progress: progress)
    }

    /// ``run(_:into:chunks:progress:)`` on a bare session.
    public static func run(_ kind: EntityKind, into session: Session, chunks: @escaping () throws -> [UInt8]?,
                           progress: (Int) -> Void = { _ in }) throws -> ChangeSet {
        var importer = CSVImporter(kind, into: session)
        var reader = CSVReader(chunks: chunks)
        return try importer.run(&reader, progress: progress)
    }

    /// Reads the header and every row from `reader`; all or nothing (see ``run(_:into:chunks:progress:)``).
    public mutating func run(_ reader: inout CSVReader, progress: (Int) -> Void = { _ in }) throws -> ChangeSet {
        do {
            guard let header = try reader.next() else {
                throw CSVImportError("the file is empty; its first line must name the columns: "
                                     + kind.fields.map(\.name).joined(separator: ","), line: 1, column: 1)
            }
            try readHeader(header)
            while let row = try reader.next() {
                try importRow(row)
                if rowCount % Self.progressInterval == 0 { progress(rowCount) }
            }
            return changes
        } catch {
            revert()
            throw error
        }
    }

    /// Takes back everything imported so far.
    public mutating func revert() {
        session.revert(changes)
        changes = ChangeSet()
        rowCount = 0
    }

    /// Reads the header row: each cell names a field (case and surrounding spaces ignored).
    public mutating func readHeader(_ row: CSVRow) throws(CSVImportError) {
        let names = kind.fields.map(\.name)
        columns = []
        columnOf = [:]
        for (i, cell) in row.fields.enumerated() {
            let name = Self.trimmed(cell.text).lowercased()
            if name.isEmpty {
                throw error("column \(i + 1) has no name; the columns of \(kind.plural) are "
                            + names.joined(separator: ", "), at: cell, row)
            }
            guard kind.field(named: name) != nil else {
                let hint = Suggestion.closest(to: name, in: names).map { " (did you mean '\($0)'?)" }
                    ?? "; the columns of \(kind.plural) are \(names.joined(separator: ", "))"
                throw error("\(kind.plural) have no field '\(Self.trimmed(cell.text))'\(hint)", at: cell, row)
            }
            if let first = columnOf[name] {
                throw error("column '\(name)' is named twice (columns \(first + 1) and \(i + 1))", at: cell, row)
            }
            columnOf[name] = i
            columns.append(name)
        }
        for field in kind.fields where !field.optional && columnOf[field.name] == nil
            && !Self.defaulted.contains("\(kind.singular).\(field.name)") {
            throw CSVImportError("there is no column '\(field.name)', which every \(kind.singular) needs",
                                 line: row.line, column: 1, width: row.text(ofLine: row.line)?.unicodeScalars.count ?? 1,
                                 lineText: row.text(ofLine: row.line))
        }
    }

    /// Fields that are required in a record but have a default when not given.
    private static let defaulted: Set<String> = ["cadre.status", "enrollment.status", "finding.status", "practice.promoted"]

    /// Checks one row and adds its record (or sets it, for budgets and plans).
    public mutating func importRow(_ row: CSVRow) throws(CSVImportError) {
        guard row.fields.count == columns.count else {
            let message = "this row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") "
                + "but the header names \(columns.count) column\(columns.count == 1 ? "" : "s")"
            if row.fields.count > columns.count { throw error(message, at: row.fields[columns.count], row) }
            throw CSVImportError(message, line: row.endLine, column: row.endColumn,
                                 lineText: row.text(ofLine: row.endLine))
        }
        var values: [String: Value] = [:]
        for (i, cell) in row.fields.enumerated() where !cell.text.isEmpty { values[columns[i]] = .text(cell.text) }
        do {
            try add(values)
        } catch let e {
            throw error(e, row)
        }
        rowCount += 1
    }

    private mutating func add(_ values: [String: Value]) throws(DomainError) {
        var values = values
        switch kind {
        case .rule:
            if case .text(let condition)? = values["for"] {
                values["for"] = .text(try Self.condition(condition, interpreter: interpreter))
            }
            try session.add(try session.makeRecord(kind, values), &changes)
        case .budget, .plan:
            try session.upsert(try session.makeRecord(kind, values), &changes)
        case .exemption:
            guard case .exemption(let x) = try session.makeRecord(kind, values) else { return }
            try session.exempt(cadre: x.cadre, rule: x.rule, reason: x.reason, &changes)
        case .finding:
            let record = try session.makeRecord(kind, values)
            if case .finding(let f) = record, let date = f.resolved {
                let inspected = session.inspections[f.inspection]!.date
                if date < inspected {
                    throw DomainError("finding \(f.id) cannot be resolved on \(date), before its inspection (\(inspected))",
                                      field: "resolved")
                }
            }
            try session.add(record, &changes)
        case .enrollment:
            guard case .enrollment(let e) = try session.makeRecord(kind, values) else { return }
            try session.add(.enrollment(try enrollment(e)), &changes)
        default:
            try session.add(try session.makeRecord(kind, values), &changes)
        }
    }

    /// An enrollment as imported, checked like the commands that would have made it.
    private func enrollment(_ e: Enrollment) throws(DomainError) -> Enrollment {
        let cadre = Int(e.cadre), course = Int(e.course)
        let c = session.cadres[cadre]!, k = session.courses[course]!
        if let slot = session.enrollmentSlot(cadre: cadre, course: course) {
            let status = session.enrollments[slot]!.status
            throw DomainError(status == .completed ? "cadre \(c.id) has already completed course \(k.id)"
                              : "cadre \(c.id) is already \(status.rawValue) in course \(k.id)", field: "cadre")
        }
        var result = Enrollment(cadre: cadre, course: course, status: e.status)
        if e.status == .completed {
            let credited = e.hours ?? k.hours
            if credited <= 0 { throw DomainError("credited hours must be more than 0", field: "hours") }
            if credited > k.hours {
                throw DomainError("course \(k.id) is worth \(formatNumber(k.hours)) hours; cannot credit \(formatNumber(credited))",
                                  field: "hours")
            }
            let day = e.date ?? k.end
            if day < k.start {
                throw DomainError("completion date \(day) is before course \(k.id) starts (\(k.start))", field: "date")
            }
            result.hours = credited
            result.date = day
        } else {
            if e.hours != nil {
                throw DomainError("only a completed enrollment has hours (this one is \(e.status.rawValue))", field: "hours")
            }
            if e.date != nil {
                throw DomainError("only a completed enrollment has a date (this one is \(e.status.rawValue))", field: "date")
            }
        }
        if e.status == .enrolled || e.status == .completed, let cap = k.capacity,
           session.activeEnrollments(course: course) >= cap {
            throw DomainError("course \(k.id) is full (capacity \(cap))", field: "course")
        }
        return result
    }

    /// A rule's `for` text as a condition: one expression, without variables, written the way
    /// `rule add` keeps it (tokens with single spaces). With an interpreter it is also bound.
    static func condition(_ text: String, interpreter: Interpreter?) throws(DomainError) -> String {
        var lexer = Lexer(text: text, fileID: 0)
        var depth = 0
        scan: while true {
            let token = lexer.next()
            switch token.kind {
            case .endOfFile: break scan
            case .endOfCommand:
                throw DomainError("for must be one condition on one line, such as rank >= county", field: "for")
            case .error(let message): throw DomainError("for: \(message)", field: "for")
            case .variable(let name):
                throw DomainError("for cannot use $\(name) here: variables are not kept with a rule", field: "for")
            case .symbol("("): depth += 1
            case .symbol(")"):
                depth -= 1
                if depth < 0 { throw DomainError("for has a ')' without its '('", field: "for") }
            default: break
            }
        }
        if depth > 0 { throw DomainError("for has a '(' that is never closed", field: "for") }
        // Read it exactly as `rule add` reads for=(...).
        let probe = "rule add r \"t\" for=(\(text)) period=2000 hours=1"
        let items = Parser.parse(probe, fileID: 0)
        if case .error(let d)? = items.first { throw DomainError("for: \(d.message)", field: "for") }
        guard items.count == 1, case .command(let command)? = items.first, case .record(let args) = command.body,
              let option = args.option("for"), case .condition(let expression, let source) = option.value.kind else {
            throw DomainError("for must be one condition, such as rank >= county", field: "for")
        }
        if let interpreter {
            do {
                _ = try Binder(interpreter: interpreter, kind: .cadre).condition(expression)
            } catch {
                throw DomainError("for: \(error.message)", field: "for")
            }
        }
        return source
    }

    // MARK: Errors

    private func error(_ message: String, at cell: CSVField, _ row: CSVRow) -> CSVImportError {
        CSVImportError(message, line: cell.line, column: cell.column, width: cell.width, lineText: row.text(ofLine: cell.line))
    }

    /// A domain error placed on the cell of its field, or the first cell of the row.
    private func error(_ e: DomainError, _ row: CSVRow) -> CSVImportError {
        if let field = e.field, let i = columnOf[field], i < row.fields.count {
            return error(e.message, at: row.fields[i], row)
        }
        return error(e.message, at: row.fields[0], row)
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
