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

    /// Reads the rows of one kind's table field by field as its declaration lists them. A
    /// reference to the same kind (a unit's parent) may name a later slot (`unit set X parent=Y`),
    /// so such a kind is read whole and its references checked against all of it before any
    /// record is put in the session.
    private struct KindLoader: EntityVisitor {
        let loader: SessionLoader
        let session: Session

        mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) throws {
            let kind = declaration.kind
            let fields = declaration.allFields
            let selfRefs = fields.indices.filter { fields[$0].target == kind }
            var pending: [(slot: Int, record: R)] = []
            var slots = Set<Int>()
            var references: [(slot: Int, field: Int, target: Int)] = []
            let query = try PreparedStatement(loader.db, SessionSchema.selectSQL(kind, format: loader.format))
            while try query.step() {
                let row = try RowReader(query, kind: kind, file: loader.file)
                var record = declaration.blank
                var column: Int32 = 1
                for (i, field) in fields.enumerated() {
                    if selfRefs.contains(i) {
                        if let target = try read(unchecked: field, into: &record, row, column) {
                            references.append((row.slot, i, target))
                        }
                    } else {
                        try read(field, into: &record, row, column)
                    }
                    column += Int32(SessionSchema.columns(of: field).count)
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

        private func read<R>(_ field: Field<R>, into r: inout R, _ row: RowReader, _ c: Int32) throws {
            switch field.access {
            case .text(let k): r[keyPath: k] = try row.text(c)
            case .optionalText(let k): r[keyPath: k] = try row.optionalText(c)
            case .number(let k): r[keyPath: k] = try row.amount(c)
            case .optionalNumber(let k): r[keyPath: k] = try row.optionalAmount(c)
            case .int(let k): r[keyPath: k] = try row.int(c)
            case .optionalInt(let k): r[keyPath: k] = try row.optionalInt(c)
            case .date(let k): r[keyPath: k] = try row.date(c)
            case .optionalDate(let k): r[keyPath: k] = try row.optionalDate(c)
            case .bool(let k): r[keyPath: k] = try row.int(c) != 0
            case .enumeration(let e): e.set(&r, try row.word(c, e.vocabulary))
            case .ref(let k): r[keyPath: k] = try row.ref(c, field.target!, in: session)
            case .optionalRef(let k):
                r[keyPath: k] = row.query.isNull(c) ? nil : try row.ref(c, field.target!, in: session)
            case .ref32(let k): r[keyPath: k] = Int32(try row.ref(c, field.target!, in: session))
            case .period(let k):
                r[keyPath: k] = Period(
                    first: try row.date(c), last: try row.date(c + 1), isYears: try row.int(c + 2) != 0)
            case .courseKinds(let k): r[keyPath: k] = try row.courseKinds(c)
            }
        }
    }
}
