import CTSDomain

/// Binds a record to the columns of its table (after `slot`, in `SessionSchema.columns`
/// order), starting at parameter `first`: references as slots, enums as their words, dates as
/// `YYYY-MM-DD`, a rule's course kinds as comma-separated words (NULL: every kind), booleans
/// as 0/1, absent values as NULL. Returns the parameter index after the last column.
///
///     RecordEncoding.bind(.plan(Plan(unit: 3, year: 2009, participants: 40, hours: 90)), to: insert, from: 2)
///     // binds 3, 2009, 40, 90.0 to parameters 2...5 and returns 6
enum RecordEncoding {
    @discardableResult
    static func bind(_ record: CTSDomain.Record, to s: PreparedStatement, from first: Int32) -> Int32 {
        var i = first
        func next() -> Int32 {
            defer { i += 1 }
            return i
        }
        switch record {
        case .unit(let u):
            s.bind(next(), u.id); s.bind(next(), u.name); s.bind(next(), u.kind.rawValue)
            s.bind(next(), u.level.rawValue); s.bind(next(), u.parent)
        case .cadre(let c):
            s.bind(next(), c.id); s.bind(next(), c.name); s.bind(next(), c.unit); s.bind(next(), c.rank.rawValue)
            s.bind(next(), c.category.rawValue); s.bind(next(), c.born); s.bind(next(), c.status.rawValue)
        case .course(let c):
            s.bind(next(), c.id); s.bind(next(), c.title); s.bind(next(), c.kind.rawValue); s.bind(next(), c.provider)
            s.bind(next(), c.organizer); s.bind(next(), DayText.format(c.start)); s.bind(next(), DayText.format(c.end))
            s.bind(next(), c.hours); s.bind(next(), c.capacity); s.bind(next(), c.dayHours)
        case .enrollment(let e):
            s.bind(next(), Int(e.cadre)); s.bind(next(), Int(e.course)); s.bind(next(), e.status.rawValue)
            s.bind(next(), e.hours); s.bind(next(), e.date.map(DayText.format))
        case .rule(let r):
            s.bind(next(), r.id); s.bind(next(), r.title); s.bind(next(), r.condition)
            s.bind(next(), DayText.format(r.period.first)); s.bind(next(), DayText.format(r.period.last))
            s.bind(next(), r.period.isYears ? 1 : 0); s.bind(next(), r.hours)
            s.bind(next(), r.kinds.map { $0.map(\.rawValue).joined(separator: ",") })
        case .exemption(let x):
            s.bind(next(), x.cadre); s.bind(next(), x.rule); s.bind(next(), x.reason)
        case .budget(let b):
            s.bind(next(), b.unit); s.bind(next(), b.year); s.bind(next(), b.funds); s.bind(next(), b.revenue)
            s.bind(next(), b.spent)
        case .plan(let p):
            s.bind(next(), p.unit); s.bind(next(), p.year); s.bind(next(), p.participants); s.bind(next(), p.hours)
        case .inspection(let x):
            s.bind(next(), x.id); s.bind(next(), x.by); s.bind(next(), x.unit); s.bind(next(), DayText.format(x.date))
            s.bind(next(), x.scope)
        case .finding(let f):
            s.bind(next(), f.id); s.bind(next(), f.inspection); s.bind(next(), f.text);
            s.bind(next(), f.severity.rawValue)
            s.bind(next(), DayText.format(f.due)); s.bind(next(), f.status.rawValue)
            s.bind(next(), f.resolved.map(DayText.format))
        case .practice(let p):
            s.bind(next(), p.id); s.bind(next(), p.unit); s.bind(next(), p.text); s.bind(next(), p.year)
            s.bind(next(), p.promoted ? 1 : 0)
        }
        return i
    }
}
