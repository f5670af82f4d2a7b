// The records of a session. References to other records are row numbers ("slots") into the
// referenced kind's table, not ids: following one is an array index, and an id can be printed
// from the slot at any time. Every slot that a record names is live: the session refuses any
// change that would leave a reference dangling.

public struct Unit: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: UnitKind
    public var level: Level
    public var parent: Int?

    public init(id: String, name: String, kind: UnitKind, level: Level, parent: Int? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.level = level; self.parent = parent
    }
}

public struct Cadre: Hashable, Sendable {
    public var id: String
    public var name: String
    public var unit: Int
    public var rank: Rank
    public var category: Category
    public var born: Int?
    public var status: CadreStatus

    public init(
        id: String, name: String, unit: Int, rank: Rank, category: Category, born: Int? = nil,
        status: CadreStatus = .active
    ) {
        self.id = id; self.name = name; self.unit = unit; self.rank = rank; self.category = category
        self.born = born; self.status = status
    }
}

public struct Course: Hashable, Sendable {
    public var id: String
    public var title: String
    public var kind: CourseKind
    public var provider: Int
    public var organizer: Int?
    public var start: Day
    public var end: Day
    /// Class hours the course is worth when completed in full.
    public var hours: Number
    public var capacity: Int?
    /// Class hours in one training day for this course: the `set day-hours` factor in force when
    /// the course was added, so `complete … days=N` credits what `days=` meant when it was entered.
    public var dayHours: Number

    public init(
        id: String, title: String, kind: CourseKind, provider: Int, organizer: Int? = nil,
        start: Day, end: Day, hours: Number, capacity: Int? = nil, dayHours: Number = Course.standardDayHours
    ) {
        self.id = id; self.title = title; self.kind = kind; self.provider = provider; self.organizer = organizer
        self.start = start; self.end = end; self.hours = hours; self.capacity = capacity; self.dayHours = dayHours
    }

    /// One training day is 7.5 class hours unless `set day-hours` says otherwise (spec §2).
    public static let standardDayHours = Number(thousandths: 7_500)
}

/// One cadre in one course. Kept small, 40 bytes a row in its table (33 of data: the two slots,
/// the status, 9 for the optional `Number` and 5 for the optional `Day`), because a province
/// has millions of them; EnrollmentTests checks the figure.
public struct Enrollment: Hashable, Sendable {
    public var cadre: Int32
    public var course: Int32
    public var status: EnrollmentStatus
    /// Credited class hours; set when completed.
    public var hours: Number?
    /// Date of completion; set when completed.
    public var date: Day?

    public init(cadre: Int, course: Int, status: EnrollmentStatus = .enrolled, hours: Number? = nil, date: Day? = nil) {
        self.cadre = Int32(cadre); self.course = Int32(course); self.status = status
        self.hours = hours; self.date = date
    }
}

public struct Rule: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The `for` condition over cadres, as source text; the interpreter compiles it.
    public var condition: String
    public var period: Period
    /// Minimum class hours in the period.
    public var hours: Number
    /// Course kinds that count; nil means every kind.
    public var kinds: [CourseKind]?

    public init(id: String, title: String, condition: String, period: Period, hours: Number, kinds: [CourseKind]? = nil)
    {
        self.id = id; self.title = title; self.condition = condition; self.period = period
        self.hours = hours; self.kinds = kinds
    }
}

/// A cadre to whom a rule no longer applies (`exempt CADRE from RULE reason="..."`).
public struct Exemption: Hashable, Sendable {
    public var cadre: Int
    public var rule: Int
    public var reason: String

    public init(cadre: Int, rule: Int, reason: String) {
        self.cadre = cadre; self.rule = rule; self.reason = reason
    }
}

public struct Budget: Hashable, Sendable {
    public var unit: Int
    public var year: Int
    public var funds: Number
    public var revenue: Number
    public var spent: Number?

    public init(unit: Int, year: Int, funds: Number, revenue: Number, spent: Number? = nil) {
        self.unit = unit; self.year = year; self.funds = funds; self.revenue = revenue; self.spent = spent
    }
}

public struct Plan: Hashable, Sendable {
    public var unit: Int
    public var year: Int
    public var participants: Int
    public var hours: Number

    public init(unit: Int, year: Int, participants: Int, hours: Number) {
        self.unit = unit; self.year = year; self.participants = participants; self.hours = hours
    }
}

public struct Inspection: Hashable, Sendable {
    public var id: String
    /// The inspecting unit (usually an organization department).
    public var by: Int
    /// The unit inspected.
    public var unit: Int
    public var date: Day
    public var scope: String?

    public init(id: String, by: Int, unit: Int, date: Day, scope: String? = nil) {
        self.id = id; self.by = by; self.unit = unit; self.date = date; self.scope = scope
    }
}

public struct Finding: Hashable, Sendable {
    public var id: String
    public var inspection: Int
    public var text: String
    public var severity: Severity
    public var due: Day
    public var status: FindingStatus
    public var resolved: Day?

    public init(
        id: String, inspection: Int, text: String, severity: Severity, due: Day,
        status: FindingStatus = .open, resolved: Day? = nil
    ) {
        self.id = id; self.inspection = inspection; self.text = text; self.severity = severity
        self.due = due; self.status = status; self.resolved = resolved
    }
}

public struct Practice: Hashable, Sendable {
    public var id: String
    public var unit: Int
    public var text: String
    public var year: Int
    public var promoted: Bool

    public init(id: String, unit: Int, text: String, year: Int, promoted: Bool = false) {
        self.id = id; self.unit = unit; self.text = text; self.year = year; self.promoted = promoted
    }
}

/// Any record, for change sets and generic code.
public enum Record: Hashable, Sendable {
    case unit(Unit)
    case cadre(Cadre)
    case course(Course)
    case enrollment(Enrollment)
    case rule(Rule)
    case exemption(Exemption)
    case budget(Budget)
    case plan(Plan)
    case inspection(Inspection)
    case finding(Finding)
    case practice(Practice)

    /// The record's own id, for the kinds that have one.
    public var id: String? {
        switch self {
        case .unit(let r): r.id
        case .cadre(let r): r.id
        case .course(let r): r.id
        case .rule(let r): r.id
        case .inspection(let r): r.id
        case .finding(let r): r.id
        case .practice(let r): r.id
        case .enrollment, .exemption, .budget, .plan: nil
        }
    }

    public var kind: EntityKind {
        switch self {
        case .unit: .unit
        case .cadre: .cadre
        case .course: .course
        case .enrollment: .enrollment
        case .rule: .rule
        case .exemption: .exemption
        case .budget: .budget
        case .plan: .plan
        case .inspection: .inspection
        case .finding: .finding
        case .practice: .practice
        }
    }
}

/// One primitive change to a session. A command's changes, in order, form its change set;
/// applying their inverses in reverse order takes the session back exactly.
public enum Change: Hashable, Sendable {
    case insert(slot: Int, Record)
    case update(slot: Int, old: Record, new: Record)
    case delete(slot: Int, Record)
    /// `set today`, `set day-hours`: the session's settings before and after.
    case settings(old: SessionSettings, new: SessionSettings)

    /// The kind of record changed; nil for a change of settings.
    public var kind: EntityKind? {
        switch self {
        case .insert(_, let r), .update(_, let r, _), .delete(_, let r): r.kind
        case .settings: nil
        }
    }

    public var inverse: Change {
        switch self {
        case .insert(let slot, let r): .delete(slot: slot, r)
        case .update(let slot, let old, let new): .update(slot: slot, old: new, new: old)
        case .delete(let slot, let r): .insert(slot: slot, r)
        case .settings(let old, let new): .settings(old: new, new: old)
        }
    }
}

/// Everything one command changed, in order.
public struct ChangeSet: Hashable, Sendable {
    public var changes: [Change] = []

    public init(_ changes: [Change] = []) { self.changes = changes }

    public var isEmpty: Bool { changes.isEmpty }

    /// Counts per kind of record: (added, changed, removed). Changes of settings are not counted.
    public var counts: [EntityKind: (added: Int, changed: Int, removed: Int)] {
        var result: [EntityKind: (added: Int, changed: Int, removed: Int)] = [:]
        for change in changes {
            guard let kind = change.kind else { continue }
            var c = result[kind] ?? (0, 0, 0)
            switch change {
            case .insert: c.added += 1
            case .update: c.changed += 1
            case .delete: c.removed += 1
            case .settings: break
            }
            result[kind] = c
        }
        return result
    }
}
