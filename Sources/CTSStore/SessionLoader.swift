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
            switch kind {
            case .unit: try loadUnits(session)
            case .cadre:
                try each(kind, into: session) { r in
                    .cadre(
                        Cadre(
                            id: try r.text(1), name: try r.text(2), unit: try r.ref(3, session.units),
                            rank: try r.word(4), category: try r.word(5), born: try r.optionalInt(6),
                            status: try r.word(7)))
                }
            case .course:
                try each(kind, into: session) { r in
                    .course(
                        Course(
                            id: try r.text(1), title: try r.text(2), kind: try r.word(3),
                            provider: try r.ref(4, session.units),
                            organizer: try r.optionalRef(5, session.units),
                            start: try r.date(6), end: try r.date(7), hours: try r.amount(8),
                            capacity: try r.optionalInt(9), dayHours: try r.amount(10)))
                }
            case .enrollment:
                try each(kind, into: session) { r in
                    .enrollment(
                        Enrollment(
                            cadre: try r.ref(1, session.cadres), course: try r.ref(2, session.courses),
                            status: try r.word(3), hours: try r.optionalAmount(4),
                            date: try r.optionalDate(5)))
                }
            case .rule:
                try each(kind, into: session) { r in
                    let period = Period(first: try r.date(4), last: try r.date(5), isYears: try r.int(6) != 0)
                    return .rule(
                        Rule(
                            id: try r.text(1), title: try r.text(2), condition: try r.text(3),
                            period: period, hours: try r.amount(7), kinds: try r.courseKinds(8)))
                }
            case .exemption:
                try each(kind, into: session) { r in
                    .exemption(
                        Exemption(
                            cadre: try r.ref(1, session.cadres), rule: try r.ref(2, session.rules),
                            reason: try r.text(3)))
                }
            case .budget:
                try each(kind, into: session) { r in
                    .budget(
                        Budget(
                            unit: try r.ref(1, session.units), year: try r.int(2), funds: try r.amount(3),
                            revenue: try r.amount(4), spent: try r.optionalAmount(5)))
                }
            case .plan:
                try each(kind, into: session) { r in
                    .plan(
                        Plan(
                            unit: try r.ref(1, session.units), year: try r.int(2),
                            participants: try r.int(3), hours: try r.amount(4)))
                }
            case .inspection:
                try each(kind, into: session) { r in
                    .inspection(
                        Inspection(
                            id: try r.text(1), by: try r.ref(2, session.units),
                            unit: try r.ref(3, session.units), date: try r.date(4),
                            scope: try r.optionalText(5)))
                }
            case .finding:
                try each(kind, into: session) { r in
                    .finding(
                        Finding(
                            id: try r.text(1), inspection: try r.ref(2, session.inspections),
                            text: try r.text(3), severity: try r.word(4), due: try r.date(5),
                            status: try r.word(6), resolved: try r.optionalDate(7)))
                }
            case .practice:
                try each(kind, into: session) { r in
                    .practice(
                        Practice(
                            id: try r.text(1), unit: try r.ref(2, session.units), text: try r.text(3),
                            year: try r.int(4), promoted: try r.int(5) != 0))
                }
            }
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

    /// Units may name a parent in a later slot (`unit set X parent=Y`), so they are read first
    /// and their parents checked against all of them before any is put in the session.
    private func loadUnits(_ session: Session) throws {
        var units: [(Int, Unit)] = []
        var slots = Set<Int>()
        var parents: [(slot: Int, parent: Int)] = []
        let query = try PreparedStatement(db, SessionSchema.selectSQL(.unit))
        while try query.step() {
            let r = try RowReader(query, kind: .unit, file: file)
            let parent = try r.optionalInt(5)
            units.append(
                (
                    r.slot,
                    Unit(
                        id: try r.text(1), name: try r.text(2), kind: try r.word(3),
                        level: try r.word(4), parent: parent)
                ))
            slots.insert(r.slot)
            if let parent { parents.append((r.slot, parent)) }
        }
        for (slot, parent) in parents where !slots.contains(parent) {
            throw RowReader.damaged(file, .unit, slot, "parent", "refers to unit slot \(parent), which holds no unit")
        }
        for (slot, unit) in units { session.restore(.unit(unit), at: slot) }
    }

    private func each(_ kind: EntityKind, into session: Session, _ build: (RowReader) throws -> CTSDomain.Record) throws
    {
        let query = try PreparedStatement(db, SessionSchema.selectSQL(kind, format: format))
        while try query.step() {
            let reader = try RowReader(query, kind: kind, file: file)
            session.restore(try build(reader), at: reader.slot)
        }
    }
}
