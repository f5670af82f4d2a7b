// The records of a session. References to other records are row numbers ("slots") into the
// referenced kind's table, not ids: following one is an array index, and an id can be printed
// from the slot at any time. Every slot that a record names is live: the session refuses any
// change that would leave a reference dangling.

/// Any record, for change sets and generic code. An enum rather than an existential so that a
/// change set of a million enrollments holds them inline, one allocation for the whole array.
/// A new kind adds its case here and in `kind`; its declaration's `record:` wraps and unwraps it.
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
    public var id: String? { kind.declaration.id(of: self) }

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

    /// A removal, or a change to a rule.
    var removesOrTouchesRule: Bool {
        switch self {
        case .delete, .insert(_, .rule), .update(_, _, .rule): true
        case .insert, .update, .settings: false
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

/// Everything one command changed, in order; a collection of its changes.
public struct ChangeSet: Hashable, Sendable, RandomAccessCollection {
    public var changes: [Change] = []

    public init() {}
    public init(_ changes: [Change]) { self.changes = changes }

    public mutating func append(_ change: Change) { changes.append(change) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { changes.count }
    public subscript(position: Int) -> Change { changes[position] }

    public var isEmpty: Bool { changes.isEmpty }

    /// Whether a change removes a record or touches a rule (compiled rule conditions must then
    /// be compiled afresh), read without copying the changes.
    public var removesOrTouchesRules: Bool { changes.contains { $0.removesOrTouchesRule } }

    /// Counts per kind of record: (added, changed, removed). Changes of settings are not counted.
    public var counts: [EntityKind: (added: Int, changed: Int, removed: Int)] {
        var result: [EntityKind: (added: Int, changed: Int, removed: Int)] = [:]
        for change in self {
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
