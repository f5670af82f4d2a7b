import CTSDomain
import CTSLanguage

/// Adds the rows of a CSV file to a collection, checking each as the matching command would,
/// and all or nothing: when any row is bad, everything it added is taken back. Every bad row is
/// reported (the first ``maxReportedErrors`` of them, then how many more), so a file can be
/// fixed in one go; the reading stops only at text that is not CSV.
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
/// and on a thrown ``CSVImportError`` prints `error.diagnostics(fileName:files:)`; the session is
/// then exactly as before. Memory: one chunk, one row, and the change set (which undo keeps).
public struct CSVImporter {
    public let kind: EntityKind
    public let session: Session
    private let interpreter: Interpreter?
    /// What the import has added (or changed, for budgets and plans) so far, in order.
    public internal(set) var changes = ChangeSet()
    /// Rows imported so far.
    public internal(set) var rowCount = 0
    /// The field of each column, once the header is read (nil: a column `extra=ignore` leaves out).
    private var columns: [String?] = []
    /// `extra=ignore`: columns (keys) that are no field are left out instead of refused.
    public var ignoresExtraColumns = false
    /// The byte between the fields (for the hint when it seems to be another).
    public var delimiter: UInt8 = 0x2C
    private var columnOf: [String: Int] = [:]

    /// Progress is reported every this many rows.
    public static let progressInterval = 10_000

    /// Bad rows reported one by one; past this many, only their number is.
    public static let maxReportedErrors = 20

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

    /// Imports a whole CSV (or, by `options.format`, JSON) source: reads the header and every
    /// row, calling `progress` with the number of rows imported every 10,000 rows. Returns the
    /// changes made (for undo and for writing to a session file). On any error, the session is
    /// put back as it was and the error is thrown: a ``CSVImportError``, or what `chunks` threw.
    /// The bytes are text in `options.encoding` (see ``Transcoder``).
    public static func run(
        _ kind: EntityKind, into interpreter: Interpreter, options: ImportOptions = ImportOptions(),
        chunks: @escaping () throws -> [UInt8]?,
        progress: (Int) -> Void = { _ in }
    ) throws -> ChangeSet {
        var importer = CSVImporter(kind, into: interpreter)
        return try importer.run(options, chunks: chunks, progress: progress)
    }

    /// ``run(_:into:options:chunks:progress:)`` on a bare session.
    public static func run(
        _ kind: EntityKind, into session: Session, options: ImportOptions = ImportOptions(),
        chunks: @escaping () throws -> [UInt8]?,
        progress: (Int) -> Void = { _ in }
    ) throws -> ChangeSet {
        var importer = CSVImporter(kind, into: session)
        return try importer.run(options, chunks: chunks, progress: progress)
    }

    private mutating func run(
        _ options: ImportOptions, chunks: @escaping () throws -> [UInt8]?, progress: (Int) -> Void
    ) throws -> ChangeSet {
        ignoresExtraColumns = options.ignoresExtraColumns
        delimiter = options.delimiter
        let text = Transcoder(options.encoding, chunks: chunks)
        switch options.format {
        case .csv:
            var reader = CSVReader(chunks: { try text.next() }, delimiter: options.delimiter)
            return try run(&reader, progress: progress)
        case .json:
            var reader = JSONRecordReader(chunks: { try text.next() })
            return try run(&reader, progress: progress)
        }
    }

    /// Reads the header and every row from `reader`; all or nothing (see ``run(_:into:chunks:progress:)``).
    public mutating func run(_ reader: inout CSVReader, progress: (Int) -> Void = { _ in }) throws -> ChangeSet {
        guard let header = try reader.next() else {
            throw CSVImportError(CSVProblem.emptyFile(kind), line: 1, column: 1)
        }
        try readHeader(header)
        return try importEach(
            next: { try reader.next() },
            add: { (importer: inout CSVImporter, row) throws(CSVImportError) in try importer.importRow(row) },
            progress: progress)
    }

    /// Imports each record `next` reads (a CSV row, a JSON object) with `add`, until the end or
    /// text that cannot be read; all or nothing. Every bad record is reported (the first
    /// ``maxReportedErrors``, then how many more), each with `note`, and none is imported.
    mutating func importEach<Record>(
        next: () throws -> Record?, add: (inout CSVImporter, Record) throws(CSVImportError) -> Void,
        note: (Record) -> String? = { _ in nil }, recordNoun: String = "row", progress: (Int) -> Void
    ) throws -> ChangeSet {
        do {
            var errors: [CSVImportError] = []
            var unshown = 0
            func bad(_ e: CSVImportError) {
                if errors.count < Self.maxReportedErrors { errors.append(e) } else { unshown += 1 }
            }
            while true {
                let record: Record?
                do {
                    record = try next()
                } catch let e as CSVImportError {
                    // Text that cannot be read: where the next record starts is unknown, so it ends here.
                    bad(e)
                    break
                }
                guard let record else { break }
                do {
                    try add(&self, record)
                    if rowCount % Self.progressInterval == 0 { progress(rowCount) }
                } catch {
                    var e = error
                    if let note = note(record) { e.note = note }
                    bad(e)
                }
            }
            if var first = errors.first {
                first.more = Array(errors.dropFirst())
                first.unshown = unshown
                first.recordNoun = recordNoun
                throw first
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
        var unknown: [(cell: CSVField, name: String)] = []
        var unnamed: (index: Int, cell: CSVField)?
        for (i, cell) in row.fields.enumerated() {
            let name = Self.trimmed(cell.text).lowercased()
            if name.isEmpty {
                // Refused below, after the columns that have a name but are no field.
                if unnamed == nil, !ignoresExtraColumns { unnamed = (i, cell) }
                columns.append(nil)
                continue
            }
            guard kind.field(named: name) != nil else {
                unknown.append((cell, Self.trimmed(cell.text)))
                columns.append(nil)
                continue
            }
            if let first = columnOf[name] {
                throw error(CSVProblem.columnNamedTwice(name, first: first + 1, second: i + 1), at: cell, row)
            }
            columnOf[name] = i
            columns.append(name)
        }
        // A `;` or tab file read with commas: one column named by the whole header.
        if row.fields.count == 1, let first = unknown.first, delimiter == 0x2C,
            let other = first.name.contains(";") ? "\";\"" : first.name.contains("\t") ? "tab" : nil
        {
            throw error(CSVProblem.otherDelimiter(other), at: first.cell, row)
        }
        if !ignoresExtraColumns, let first = unknown.first {
            if unknown.count == 1 {
                let suggestion = Suggestion.closest(to: first.name.lowercased(), in: names)
                throw error(CSVProblem.noSuchColumn(kind, first.name, suggestion: suggestion), at: first.cell, row)
            }
            throw error(CSVProblem.noSuchColumns(kind, unknown.map(\.name)), at: first.cell, row)
        }
        if let unnamed { throw error(CSVProblem.unnamedColumn(unnamed.index + 1, kind), at: unnamed.cell, row) }
        for field in kind.fields where !field.optional && !field.hasDefault && columnOf[field.name] == nil {
            throw CSVImportError(
                CSVProblem.missingColumn(field.name, kind),
                line: row.line, column: 1, width: row.text(ofLine: row.line)?.unicodeScalars.count ?? 1,
                lineText: row.text(ofLine: row.line))
        }
    }

    /// Checks one row and adds its record (or sets it, for budgets and plans).
    public mutating func importRow(_ row: CSVRow) throws(CSVImportError) {
        // Excel's `,,,,`: a row of empty cells is no record.
        if row.fields.allSatisfy({ $0.text.isEmpty }) { return }
        var row = row
        // Under extra=ignore, empty cells past the last column are left out too (`a,b,c,,`).
        if ignoresExtraColumns {
            while row.fields.count > columns.count, row.fields.last?.text.isEmpty == true { row.fields.removeLast() }
        }
        guard row.fields.count == columns.count else {
            let problem = CSVProblem.fieldCount(row.fields.count, columns: columns.count)
            if row.fields.count > columns.count { throw error(problem, at: row.fields[columns.count], row) }
            throw CSVImportError(
                problem, line: row.endLine, column: row.endColumn,
                lineText: row.text(ofLine: row.endLine))
        }
        var values: [String: Value] = [:]
        for (i, cell) in row.fields.enumerated() where !cell.text.isEmpty {
            if let field = columns[i] { values[field] = .text(cell.text) }
        }
        do {
            try add(values)
        } catch let e {
            throw error(e, row)
        }
        rowCount += 1
    }

    mutating func add(_ values: [String: Value]) throws(DomainError) {
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
            throw DomainError(
                status == .completed
                    ? .alreadyCompleted(cadre: c.id, course: k.id)
                    : .alreadyEnrolled(cadre: c.id, status: status, course: k.id), field: "cadre")
        }
        var result = Enrollment(cadre: cadre, course: course, status: e.status)
        if e.status == .completed {
            let credited = e.hours ?? k.hours
            if credited <= 0 { throw DomainError(.nonPositiveHours, field: "hours") }
            if credited > k.hours {
                throw DomainError(.creditOverCourse(course: k.id, worth: k.hours, credited: credited), field: "hours")
            }
            let day = e.date ?? k.end
            if day < k.start {
                throw DomainError(.completedBeforeStart(date: day, course: k.id, start: k.start), field: "date")
            }
            result.hours = credited
            result.date = day
        } else {
            if e.hours != nil {
                throw DomainError(.hoursWhenNotCompleted(e.status), field: "hours")
            }
            if e.date != nil {
                throw DomainError(.dateWhenNotCompleted(e.status), field: "date")
            }
        }
        if e.status == .enrolled || e.status == .completed, let cap = k.capacity,
            session.activeEnrollments(course: course) >= cap
        {
            throw DomainError(.courseFull(course: k.id, capacity: cap), field: "course")
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
                throw DomainError(.conditionNotOneLine, field: "for")
            case .error(let problem): throw DomainError(.badCondition(problem.message), field: "for")
            case .variable(let name):
                throw DomainError(.conditionVariable(name), field: "for")
            case .symbol("("): depth += 1
            case .symbol(")"):
                depth -= 1
                if depth < 0 { throw DomainError(.conditionUnmatchedClose, field: "for") }
            default: break
            }
        }
        if depth > 0 { throw DomainError(.conditionUnclosed, field: "for") }
        let expression: Expr, source: String
        do {
            (expression, source) = try Parser.condition(text, fileID: 0)
        } catch {
            throw DomainError(.badCondition(error.message), field: "for")
        }
        if let interpreter {
            do {
                _ = try Binder(interpreter: interpreter, kind: .cadre).condition(expression)
            } catch {
                throw DomainError(.badCondition(error.message), field: "for")
            }
        }
        return source
    }

    // MARK: Errors

    private func error(_ problem: some Problem, at cell: CSVField, _ row: CSVRow) -> CSVImportError {
        CSVImportError(
            problem, line: cell.line, column: cell.column, width: cell.width, lineText: row.text(ofLine: cell.line))
    }

    /// A domain error placed on the cell of its field, or the first cell of the row.
    /// `cadre needs unit=…` and `use 'cadre set'` speak of commands; an empty cell is said as
    /// one, and a record already there as what an import does with it.
    private func error(_ e: DomainError, _ row: CSVRow) -> CSVImportError {
        let problem: any Problem
        switch e.kind {
        case .missingField(let kind, let field): problem = CSVProblem.emptyCell(field, kind)
        case .alreadyExists(let kind, let id): problem = CSVProblem.recordExists(kind, id)
        default: problem = e
        }
        if let field = e.field, let i = columnOf[field], i < row.fields.count {
            return error(problem, at: row.fields[i], row)
        }
        return error(problem, at: row.fields[0], row)
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
