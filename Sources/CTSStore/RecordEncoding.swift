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

        mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) -> Int32 {
            let r = declaration.typed(record)
            for field in declaration.allFields { bind(field.access, of: r) }
            return index
        }

        private mutating func next() -> Int32 {
            defer { index += 1 }
            return index
        }

        private mutating func bind<R>(_ access: FieldAccess<R>, of r: R) {
            let s = statement
            switch access {
            case .text(let k): s.bind(next(), r[keyPath: k])
            case .optionalText(let k): s.bind(next(), r[keyPath: k])
            case .number(let k): s.bind(next(), r[keyPath: k])
            case .optionalNumber(let k): s.bind(next(), r[keyPath: k])
            case .int(let k): s.bind(next(), r[keyPath: k])
            case .optionalInt(let k): s.bind(next(), r[keyPath: k])
            case .date(let k): s.bind(next(), DayText.format(r[keyPath: k]))
            case .optionalDate(let k): s.bind(next(), r[keyPath: k].map(DayText.format))
            case .bool(let k): s.bind(next(), r[keyPath: k] ? 1 : 0)
            case .enumeration(let e): s.bind(next(), e.word(in: r))
            case .ref(let k): s.bind(next(), r[keyPath: k])
            case .optionalRef(let k): s.bind(next(), r[keyPath: k])
            case .ref32(let k): s.bind(next(), Int(r[keyPath: k]))
            case .period(let k):
                let period = r[keyPath: k]
                s.bind(next(), DayText.format(period.first))
                s.bind(next(), DayText.format(period.last))
                s.bind(next(), period.isYears ? 1 : 0)
            case .courseKinds(let k): s.bind(next(), r[keyPath: k].map { $0.map(\.rawValue).joined(separator: ",") })
            }
        }
    }
}
