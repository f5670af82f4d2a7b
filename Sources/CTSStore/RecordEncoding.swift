import CTSDomain

/// Binds a record to the columns of its table (after `slot`, in `SessionSchema.columns`
/// order), starting at parameter `first`, field by field as its declaration lists them:
/// references as slots, enums as their words, dates as `YYYY-MM-DD`, a period as three columns
/// (first, last, whether whole years), course kinds as comma-separated words (NULL: every
/// kind), booleans as 0/1, absent values as NULL. Returns the parameter index after the last
/// column.
///
///     RecordEncoding.bind(.plan(Plan(unit: 3, year: 2009, participants: 40, hours: 90)), to: insert, from: 2)
///     // binds 3, 2009, 40, 90.0 to parameters 2...5 and returns 6
enum RecordEncoding {
    @discardableResult
    static func bind(_ record: CTSDomain.Record, to s: PreparedStatement, from first: Int32) -> Int32 {
        var binder = Binder(record: record, statement: s, index: first)
        return (try? record.kind.declaration.accept(&binder)) ?? first
    }

    private struct Binder: EntityVisitor {
        let record: CTSDomain.Record
        let statement: PreparedStatement
        var index: Int32

        @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
        @_specialize(where R == Unit)
        mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) -> Int32 {
            let r = declaration.typed(record)
            for field in declaration.allFields { bind(field, of: r) }
            return index
        }

        private mutating func bind<R>(_ field: Field<R>, of r: R) {
            index = RecordEncoding.bind(field, of: r, to: statement, at: index)
        }
    }

    /// Binds one field of a record to parameter `index` (three for a period), read at the
    /// field's offset, not through its key path (see `SessionLoader`); returns the parameter
    /// after it.
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    @discardableResult
    static func bind<R>(_ field: Field<R>, of r: R, to s: PreparedStatement, at first: Int32) -> Int32 {
        var index = first
        func next() -> Int32 {
            defer { index += 1 }
            return index
        }
        switch field.access {
        case .text: s.bind(next(), field.load(r, as: String.self))
        case .optionalText: s.bind(next(), field.load(r, as: String?.self))
        case .number: s.bind(next(), field.load(r, as: Number.self))
        case .optionalNumber: s.bind(next(), field.load(r, as: Number?.self))
        case .int: s.bind(next(), field.load(r, as: Int.self))
        case .optionalInt: s.bind(next(), field.load(r, as: Int?.self))
        case .date: s.bind(next(), DayText.format(field.load(r, as: Day.self)))
        case .optionalDate: s.bind(next(), field.load(r, as: Day?.self).map(DayText.format))
        case .bool: s.bind(next(), field.load(r, as: Bool.self) ? 1 : 0)
        case .enumeration(let e):
            let ordinal = e.isOrdinalByte ? Int(field.load(r, as: UInt8.self)) : e.ordinal(r)
            s.bind(next(), e.words[ordinal])
        case .ref: s.bind(next(), field.load(r, as: Int.self))
        case .optionalRef: s.bind(next(), field.load(r, as: Int?.self))
        case .ref32: s.bind(next(), Int(field.load(r, as: Int32.self)))
        case .period:
            let period = field.load(r, as: Period.self)
            s.bind(next(), DayText.format(period.first))
            s.bind(next(), DayText.format(period.last))
            s.bind(next(), period.isYears ? 1 : 0)
        case .courseKinds:
            s.bind(next(), field.load(r, as: [CourseKind]?.self).map { $0.map(\.rawValue).joined(separator: ",") })
        }
        return index
    }
}
