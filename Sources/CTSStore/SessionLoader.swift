import CTSDomain
import GRDB

/// Reads a whole session out of a file: each kind's table in dependency order, rows in slot
/// order, columns by index, records built directly and put back in their slots (tombstones
/// included), so that list order and references come back as they were.
///
/// A value that cannot be what its column holds (an unknown enum word, a bad date, a reference
/// to no record) is a damaged file: an error naming the table, slot and column.
///
///     let session = try SessionLoader(db: db, file: "jiangsu.ctsdb", format: 2).load()
struct SessionLoader {
    let db: Database
    /// The file's name, for messages.
    let file: String
    /// The file's format version; older formats lack some tables.
    let format: Int
    /// Counts the rows read on this connection, for a progress bar; nil on the second one.
    var progress: RowProgress? = nil

    /// Reads the session; with `path` (a file, not an in-memory database), a big enrollment
    /// table is read on a second connection meanwhile (``BackgroundRead``).
    func load(path: String? = nil) throws -> Session {
        let session = Session()
        var held = HeldSlots()
        let background = try path.flatMap { try BackgroundRead.start(path: $0, in: db, file: file, format: format) }
        // However the load ends, the worker is done before this connection's transaction.
        defer { background?.wait() }
        if let progress {
            progress.total = try SessionSchema.kinds(inFormat: format).reduce(0) { try $0 + slotCount($1) }
        }
        defer { if progress != nil { Progress.end() } }
        for kind in SessionSchema.kinds(inFormat: format) {
            if kind == .enrollment, let background {
                var reader = KindReader(loader: self, held: held)
                let declaration = Enrollment.declaration
                // The worker reads the first rows; this connection reads the rest meanwhile.
                let rest = try reader.rows(of: declaration, slots: background.split..<background.end)
                var all: KindRows<Enrollment>
                if let first = try background.finish() {
                    progress?.advance(by: first.rows.count)
                    try reader.checkReferences(first, of: declaration)
                    all = consume first  // one reference: appending must not copy the rows
                } else {
                    all = try reader.rows(of: declaration, slots: 0..<background.split, reserving: background.end)
                }
                all.rows.append(contentsOf: rest.rows)
                all.count += rest.count
                held = reader.held
                session.restore(rows: all.rows, count: all.count)
                continue
            }
            var loader = KindLoader(reader: KindReader(loader: self, held: held), session: session)
            try kind.declaration.accept(&loader)
            held = loader.reader.held
        }
        session.restore(settings: try settings())
        try checkRecords(of: session)
        return session
    }

    /// Refuses a record cts would never have written, which another tool may have (negative
    /// hours, a course that ends before it starts, a unit under itself): it would load, but a
    /// dump of the session would not run. An inspection's check looks at its findings, which
    /// each finding's own check already compares with it, so it is left out (it is also the
    /// one that grows with the square of the records).
    private func checkRecords(of session: Session) throws {
        struct Checker: EntityVisitor {
            let session: Session
            func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) -> (Int, DomainError)? {
                declaration.firstFailingCheck(in: session).map { ($0.slot, $0.error) }
            }
        }
        var checker = Checker(session: session)
        for kind in SessionSchema.kinds(inFormat: format) where kind != .inspection {
            guard let (slot, error) = try kind.declaration.accept(&checker) else { continue }
            let column = error.field.map { SessionSchema.columns(kind).contains($0) ? $0 : "\($0)_first" } ?? "slot"
            throw RowReader.damaged(file, kind, slot, column, "breaks a rule cts keeps: \(error.message)")
        }
    }

    /// How many slots a kind's table spans (its last row's slot + 1), to reserve room for
    /// them; 0 for an empty table, and at most what a slot may be (a damaged file is reported
    /// when its row is read).
    ///
    /// Every slot up to the last takes memory once loaded, empty or not. A table cts wrote
    /// spans no more slots than the records ever added to it, which were all in memory once;
    /// one whose span is past ``freeSlots`` and twice its rows is refused before anything is
    /// allocated for it (another tool's slot of 10⁹ would ask for tens of gigabytes).
    func slotCount(_ kind: EntityKind) throws -> Int {
        let table = SessionSchema.quoted(SessionSchema.table(kind))
        let query = try PreparedStatement(db, "SELECT max(\"slot\") FROM \(table)")
        guard try query.step(), !query.isNull(0) else { return 0 }
        let last = query.int(0)
        _ = try query.step()
        guard last >= 0 && last < Int(Int32.max) else { return 0 }
        if last >= Self.freeSlots {
            let counting = try PreparedStatement(db, "SELECT count(*) FROM \(table)")
            _ = try counting.step()
            let rows = counting.int(0)
            _ = try counting.step()
            if last >= 2 * rows + Self.freeSlots {
                throw RowReader.damaged(
                    file, kind, last, "slot",
                    "is out of range: the table has \(rows) row\(rows == 1 ? "" : "s"), and cts would need room "
                        + "for \(last + 1) slots to load it")
            }
        }
        return last + 1
    }

    /// How many empty slots a table may have beyond as many as its rows.
    static let freeSlots = 10_000_000

    /// `today` and `day_hours` from `meta`; absent keys are the defaults.
    private func settings() throws -> SessionSettings {
        var settings = SessionSettings.standard
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT "key", "value" FROM "meta" WHERE "key" IN ('\(SessionSchema.todayKey)', '\(SessionSchema.dayHoursKey)')
                """)
        for row in rows {
            let key: String = row["key"], value: String = row["value"]
            switch key {
            case SessionSchema.todayKey:
                guard let day = Day(iso: value) else {
                    throw RowReader.damagedMeta(file, key, "has '\(value)', which is not a date (YYYY-MM-DD)")
                }
                settings.today = day
            default:
                guard let hours = Number(text: value), hours.isExact, hours > 0, hours <= 24 else {
                    throw RowReader.damagedMeta(file, key, "has '\(value)', which is not a number of class hours")
                }
                settings.dayHours = hours
            }
        }
        return settings
    }

    /// Puts each kind's rows in the session as ``KindReader`` reads them.
    private struct KindLoader: EntityVisitor {
        var reader: KindReader
        let session: Session

        @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
        @_specialize(where R == Unit)
        mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) throws {
            let read = try reader.rows(of: declaration)
            session.restore(rows: read.rows, count: read.count)
        }
    }
}

/// The records of one kind's table, by slot (nil for an empty slot), and how many there are.
struct KindRows<R: EntityRecord>: Sendable {
    var rows: [R?] = []
    var count = 0
}

/// Reads the rows of one kind's table (specialised for the kinds with many rows: reached
/// through `accept`, the generic code would look up type metadata for every row), column by
/// column as its ``RowCodec`` lists them, into an array by slot that becomes the kind's table
/// as it is (``Session/restore(rows:count:)``). A reference to the same kind (a unit's parent)
/// may name a later slot (`unit set X parent=Y`), so such references are checked once the whole
/// table is read; a reference to another kind is checked against the slots read before
/// (`held`), or, read on a second thread, afterwards (``checkReferences(_:of:)``).
struct KindReader {
    let loader: SessionLoader
    /// The slots loaded so far, by kind ordinal: what a reference may name.
    var held: HeldSlots
    /// False while the kinds a reference may name are still being read, elsewhere.
    var checksOtherKinds = true

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    /// With `slots`, only the rows of those slots, `rows[0]` being the first slot's (room
    /// reserved for `reserving` rows in all).
    mutating func rows<R: EntityRecord>(
        of declaration: EntityDeclaration<R>, slots: Range<Int>? = nil, reserving: Int? = nil
    ) throws -> KindRows<R> {
        let kind = declaration.kind
        let codec = RowCodec(declaration)
        let own = declaration.ordinal
        var table = KindRows<R>()
        table.rows.reserveCapacity(try reserving ?? slots?.count ?? loader.slotCount(kind))
        let base = slots?.lowerBound ?? 0
        var references: [(slot: Int, field: Int, target: Int)] = []
        let query = try PreparedStatement(
            loader.db, SessionSchema.selectSQL(kind, format: loader.format, slots: slots))
        while try query.step() {
            let row = try RowReader(query, kind: kind, file: loader.file)
            var record = declaration.blank
            for c in codec.columns {
                if c.target == own {
                    if let target = try read(unchecked: c, into: &record, row, codec) {
                        references.append((row.slot, c.field, target))
                    }
                } else {
                    try read(c, into: &record, row, codec)
                }
            }
            held.insert(own, row.slot)
            loader.progress?.advance()
            // Rows come in increasing slot order (the slot is the table's key): the slots
            // between two rows are the empty slots of removed records.
            let position = row.slot - base
            if position > table.rows.count {
                table.rows.append(contentsOf: repeatElement(nil, count: position - table.rows.count))
            }
            table.rows.append(record)
            table.count += 1
        }
        // The empty slots at the end of a range, before the next range's rows.
        if let slots, slots.count > table.rows.count {
            table.rows.append(contentsOf: repeatElement(nil, count: slots.count - table.rows.count))
        }
        for (slot, field, target) in references where !held.contains(own, target) {
            throw RowReader.damaged(
                loader.file, kind, slot, declaration.allFields[field].column,
                "refers to \(kind.rawValue) slot \(target), which holds no \(kind.rawValue)")
        }
        return table
    }

    /// Checks the references to other kinds of rows read without checking them, now that
    /// `held` has every kind they may name, and notes their slots as held.
    @_specialize(where R == Enrollment)
    mutating func checkReferences<R: EntityRecord>(_ read: KindRows<R>, of declaration: EntityDeclaration<R>) throws {
        let kind = declaration.kind
        let own = declaration.ordinal
        let references = RowCodec(declaration).columns.filter { $0.target >= 0 && $0.target != own }
        for (slot, row) in read.rows.enumerated() {
            guard let r = row else { continue }
            held.insert(own, slot)
            for c in references {
                let target: Int? =
                    switch c.layout {
                    case .ref: load(Int.self, c, r)
                    case .optionalRef: load(Int?.self, c, r)
                    case .ref32: Int(load(Int32.self, c, r))
                    default: nil
                    }
                if let target, !held.contains(c.target, target) {
                    throw RowReader.damaged(
                        loader.file, kind, slot, SessionSchema.columns(kind)[Int(c.sqlColumn) - 1],
                        "refers to slot \(target), which holds no record")
                }
            }
        }
    }

    @inline(__always)
    private func load<R, V>(_ type: V.Type, _ c: RowCodec<R>.Column, _ r: R) -> V {
        withUnsafeBytes(of: r) { $0.load(fromByteOffset: c.offset, as: V.self) }
    }

    /// A reference to the same kind, not yet checked: its slot.
    private func read<R>(
        unchecked c: RowCodec<R>.Column, into r: inout R, _ row: RowReader, _ codec: RowCodec<R>
    ) throws -> Int? {
        let i = c.sqlColumn
        switch c.layout {
        case .ref:
            let target = try row.int(i)
            store(target, c, &r)
            return target
        case .optionalRef:
            let target = try row.optionalInt(i)
            store(target, c, &r)
            return target
        case .ref32:
            let target = try row.int(i)
            store(Int32(target), c, &r)
            return target
        default:
            try read(c, into: &r, row, codec)
            return nil
        }
    }

    /// Sets a field at its offset, not through its key path: a key path applied at run time
    /// looks up type metadata on every write, 10⁷ rows times their fields.
    @inline(__always)
    private func store<R, V>(_ value: V, _ c: RowCodec<R>.Column, _ r: inout R) {
        withUnsafeMutableBytes(of: &r) { raw in
            raw.baseAddress!.advanced(by: c.offset).assumingMemoryBound(to: V.self).pointee = value
        }
    }

    /// A reference to another kind: the slot, which must hold a record of it.
    @inline(__always)
    private func ref<R>(_ c: RowCodec<R>.Column, _ row: RowReader) throws -> Int {
        let target = try row.int(c.sqlColumn)
        guard !checksOtherKinds || held.contains(c.target, target) else {
            throw row.danglingReference(c.sqlColumn, target)
        }
        return target
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    private func read<R>(_ c: RowCodec<R>.Column, into r: inout R, _ row: RowReader, _ codec: RowCodec<R>) throws {
        let i = c.sqlColumn
        switch c.layout {
        case .text: store(try row.text(i), c, &r)
        case .optionalText: store(try row.optionalText(i), c, &r)
        case .number: store(try row.amount(i), c, &r)
        case .optionalNumber: store(try row.optionalAmount(i), c, &r)
        case .int: store(try row.int(i), c, &r)
        case .optionalInt: store(try row.optionalInt(i), c, &r)
        case .date: store(try row.date(i), c, &r)
        case .optionalDate: store(try row.optionalDate(i), c, &r)
        case .bool: store(try row.int(i) != 0, c, &r)
        case .byteEnum:
            let ordinal = try row.word(i, codec.wordBytes[c.words], codec.vocabularies[c.words])
            store(UInt8(ordinal), c, &r)
        case .ref: store(try ref(c, row), c, &r)
        case .optionalRef: store(row.query.isNull(i) ? nil : try ref(c, row) as Int?, c, &r)
        case .ref32: store(Int32(try ref(c, row)), c, &r)
        case .other: try read(codec.declaration.allFields[c.field], into: &r, row, i)
        }
    }

    /// The fields of rare layouts (``RowCodec/Layout/other``): a period, course kinds, an
    /// enum of more than a byte.
    private func read<R>(_ field: Field<R>, into r: inout R, _ row: RowReader, _ c: Int32) throws {
        switch field.access {
        case .enumeration(let e): e.set(&r, try row.word(c, e.vocabulary, words: e.words))
        case .period:
            field.store(
                Period(first: try row.date(c), last: try row.date(c + 1), isYears: try row.int(c + 2) != 0),
                into: &r)
        case .courseKinds: field.store(try row.courseKinds(c), into: &r)
        default: preconditionFailure("RowCodec reads the \(field.name) field itself")
        }
    }
}

/// Which slots of each kind a load has read so far, a flag per slot, so that checking a
/// reference is an array lookup rather than a question to the session.
struct HeldSlots {
    private var flags: [[Bool]] = Array(repeating: [], count: EntityKind.allCases.count)

    mutating func insert(_ ordinal: Int, _ slot: Int) {
        if slot >= flags[ordinal].count {
            flags[ordinal].append(contentsOf: repeatElement(false, count: slot + 1 - flags[ordinal].count))
        }
        flags[ordinal][slot] = true
    }

    @inline(__always)
    func contains(_ ordinal: Int, _ slot: Int) -> Bool {
        slot >= 0 && slot < flags[ordinal].count && flags[ordinal][slot]
    }
}
