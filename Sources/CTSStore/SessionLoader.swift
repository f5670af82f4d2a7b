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

    func load() throws -> Session {
        let session = Session()
        var held = HeldSlots()
        for kind in SessionSchema.kinds(inFormat: format) {
            var loader = KindLoader(loader: self, session: session, held: held)
            try kind.declaration.accept(&loader)
            held = loader.held
        }
        session.restore(settings: try settings())
        return session
    }

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

    /// Reads the rows of one kind's table (specialised for the kinds with many rows: reached
    /// through `accept`, the generic code would look up type metadata for every row), column
    /// by column as its ``RowCodec`` lists them. A reference to the same kind (a unit's parent)
    /// may name a later slot (`unit set X parent=Y`), so such a kind is read whole and its
    /// references checked against all of it before any record is put in the session.
    private struct KindLoader: EntityVisitor {
        let loader: SessionLoader
        let session: Session
        /// The slots loaded so far, by kind ordinal: what a reference may name.
        var held: HeldSlots

        @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
        @_specialize(where R == Unit)
        mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) throws {
            let kind = declaration.kind
            let codec = RowCodec(declaration)
            let own = declaration.ordinal
            let hasSelfRefs = codec.columns.contains { $0.target == own }
            var pending: [(slot: Int, record: R)] = []
            var references: [(slot: Int, field: Int, target: Int)] = []
            let query = try PreparedStatement(loader.db, SessionSchema.selectSQL(kind, format: loader.format))
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
                if hasSelfRefs {
                    pending.append((row.slot, record))
                } else {
                    session.restore(declaration.wrap(record), at: row.slot)
                }
            }
            for (slot, field, target) in references where !held.contains(own, target) {
                throw RowReader.damaged(
                    loader.file, kind, slot, declaration.allFields[field].column,
                    "refers to \(kind.rawValue) slot \(target), which holds no \(kind.rawValue)")
            }
            for (slot, record) in pending { session.restore(declaration.wrap(record), at: slot) }
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
            guard held.contains(c.target, target) else { throw row.danglingReference(c.sqlColumn, target) }
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
