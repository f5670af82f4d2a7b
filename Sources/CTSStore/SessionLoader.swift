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
        for kind in SessionSchema.kinds(inFormat: format) {
            var loader = KindLoader(loader: self, session: session)
            try kind.declaration.accept(&loader)
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
    /// through `accept`, the generic code would look up type metadata for every row) field by field as its declaration lists them. A
    /// reference to the same kind (a unit's parent) may name a later slot (`unit set X parent=Y`),
    /// so such a kind is read whole and its references checked against all of it before any
    /// record is put in the session.
    private struct KindLoader: EntityVisitor {
        let loader: SessionLoader
        let session: Session

        @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
        @_specialize(where R == Unit)
        mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) throws {
            let kind = declaration.kind
            let fields = declaration.allFields
            let selfRefs = fields.indices.filter { fields[$0].target == kind }
            var pending: [(slot: Int, record: R)] = []
            var slots = Set<Int>()
            var references: [(slot: Int, field: Int, target: Int)] = []
            var columns: [Int32] = []
            var next: Int32 = 1
            for field in fields {
                columns.append(next)
                next += Int32(SessionSchema.columns(of: field).count)
            }
            let query = try PreparedStatement(loader.db, SessionSchema.selectSQL(kind, format: loader.format))
            while try query.step() {
                let row = try RowReader(query, kind: kind, file: loader.file)
                var record = declaration.blank
                for (i, field) in fields.enumerated() {
                    let column = columns[i]
                    if selfRefs.contains(i) {
                        if let target = try read(unchecked: field, into: &record, row, column) {
                            references.append((row.slot, i, target))
                        }
                    } else {
                        try read(field, into: &record, row, column)
                    }
                }
                if selfRefs.isEmpty {
                    session.restore(declaration.wrap(record), at: row.slot)
                } else {
                    pending.append((row.slot, record))
                    slots.insert(row.slot)
                }
            }
            for (slot, field, target) in references where !slots.contains(target) {
                throw RowReader.damaged(
                    loader.file, kind, slot, fields[field].column,
                    "refers to \(kind.rawValue) slot \(target), which holds no \(kind.rawValue)")
            }
            for (slot, record) in pending { session.restore(declaration.wrap(record), at: slot) }
        }

        /// A reference to the same kind, not yet checked: its slot.
        private func read<R>(unchecked field: Field<R>, into r: inout R, _ row: RowReader, _ c: Int32) throws -> Int? {
            switch field.access {
            case .ref(let k):
                r[keyPath: k] = try row.int(c)
                return r[keyPath: k]
            case .optionalRef(let k):
                r[keyPath: k] = try row.optionalInt(c)
                return r[keyPath: k]
            case .ref32(let k):
                r[keyPath: k] = Int32(try row.int(c))
                return Int(r[keyPath: k])
            default:
                try read(field, into: &r, row, c)
                return nil
            }
        }

        @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
        @_specialize(where R == Unit)
        private func read<R>(_ field: Field<R>, into r: inout R, _ row: RowReader, _ c: Int32) throws {
            // Written at the field's offset, not through its key path: a key path applied at
            // run time looks up type metadata on every write, 10⁷ rows times their fields.
            switch field.access {
            case .text: field.store(try row.text(c), into: &r)
            case .optionalText: field.store(try row.optionalText(c), into: &r)
            case .number: field.store(try row.amount(c), into: &r)
            case .optionalNumber: field.store(try row.optionalAmount(c), into: &r)
            case .int: field.store(try row.int(c), into: &r)
            case .optionalInt: field.store(try row.optionalInt(c), into: &r)
            case .date: field.store(try row.date(c), into: &r)
            case .optionalDate: field.store(try row.optionalDate(c), into: &r)
            case .bool: field.store(try row.int(c) != 0, into: &r)
            case .enumeration(let e):
                let ordinal = try row.word(c, e.vocabulary, words: e.words)
                if e.isOrdinalByte { field.store(UInt8(ordinal), into: &r) } else { e.set(&r, ordinal) }
            case .ref: field.store(try row.ref(c, field.target!, in: session), into: &r)
            case .optionalRef:
                field.store(row.query.isNull(c) ? nil : try row.ref(c, field.target!, in: session) as Int?, into: &r)
            case .ref32: field.store(Int32(try row.ref(c, field.target!, in: session)), into: &r)
            case .period:
                field.store(
                    Period(first: try row.date(c), last: try row.date(c + 1), isYears: try row.int(c + 2) != 0),
                    into: &r)
            case .courseKinds: field.store(try row.courseKinds(c), into: &r)
            }
        }
    }
}
