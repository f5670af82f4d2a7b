/// The kinds of record a session holds (spec §2), plus `exemption`, which `exempt` creates.
public enum EntityKind: String, CaseIterable, Hashable, Sendable {
    case unit, cadre, course, enrollment, rule, exemption, budget, plan, inspection, finding, practice

    /// The word used in commands: `unit add`, `cadre show`.
    public var singular: String { rawValue }

    /// The collection word used in queries: `list units`.
    public var plural: String {
        switch self {
        case .unit: "units"
        case .cadre: "cadres"
        case .course: "courses"
        case .enrollment: "enrollments"
        case .rule: "rules"
        case .exemption: "exemptions"
        case .budget: "budgets"
        case .plan: "plans"
        case .inspection: "inspections"
        case .finding: "findings"
        case .practice: "practices"
        }
    }

    public init?(plural: String) {
        guard let kind = EntityKind.allCases.first(where: { $0.plural == plural.lowercased() }) else { return nil }
        self = kind
    }

    public init?(singular: String) {
        self.init(rawValue: singular.lowercased())
    }

    /// Kinds whose records are named by an `id` of their own. The others are keyed by their
    /// references: an enrollment by (cadre, course), a budget or plan by (unit, year), an
    /// exemption by (cadre, rule).
    public var hasID: Bool {
        switch self {
        case .unit, .cadre, .course, .rule, .inspection, .finding, .practice: true
        case .enrollment, .exemption, .budget, .plan: false
        }
    }

    /// The order in which kinds can be created so that every reference points backwards
    /// (used by `dump` and by cascades in reverse).
    public static let dependencyOrder: [EntityKind] = [
        .unit, .cadre, .course, .rule, .exemption, .enrollment, .budget, .plan, .inspection, .finding, .practice,
    ]
}

/// What a field holds; decides how a word or literal typed for it is read and checked.
public enum FieldType: Hashable, Sendable {
    case id
    case text
    case number
    /// A whole number (capacity, participants).
    case count
    case year
    case date
    case yesNo
    case enumeration(Vocabulary)
    /// A list of course kinds (`kinds=off-job,rotation`).
    case courseKinds
    case ref(EntityKind)
    case period
    /// A condition over cadres (a rule's `for`), kept as source text.
    case condition
}

/// One field of an entity, in the order of the table in spec §2.
public struct FieldSpec: Hashable, Sendable {
    public let name: String
    public let type: FieldType
    /// Whether the field may be absent.
    public let optional: Bool
    /// Whether `E set` may change it (ids and keys may not).
    public let settable: Bool
    /// For a unit reference that only units of one kind may fill: a course's provider is an
    /// institution (spec §2). Checked wherever the field is set; completion offers only those.
    public let unitKind: UnitKind?

    public init(
        _ name: String, _ type: FieldType, optional: Bool = false, settable: Bool = true,
        unitKind: UnitKind? = nil
    ) {
        self.name = name
        self.type = type
        self.optional = optional
        self.settable = settable
        self.unitKind = unitKind
    }
}

extension EntityKind {
    /// The fields, in spec order; also the default columns of `list` and the csv header.
    public var fields: [FieldSpec] {
        switch self {
        case .unit:
            [
                FieldSpec("id", .id, settable: false), FieldSpec("name", .text),
                FieldSpec("kind", .enumeration(.unitKind)), FieldSpec("level", .enumeration(.level)),
                FieldSpec("parent", .ref(.unit), optional: true),
            ]
        case .cadre:
            [
                FieldSpec("id", .id, settable: false), FieldSpec("name", .text), FieldSpec("unit", .ref(.unit)),
                FieldSpec("rank", .enumeration(.rank)), FieldSpec("category", .enumeration(.category)),
                FieldSpec("born", .year, optional: true), FieldSpec("status", .enumeration(.cadreStatus)),
            ]
        case .course:
            [
                FieldSpec("id", .id, settable: false), FieldSpec("title", .text),
                FieldSpec("kind", .enumeration(.courseKind)),
                FieldSpec("provider", .ref(.unit), unitKind: .institution),
                FieldSpec("organizer", .ref(.unit), optional: true), FieldSpec("start", .date),
                FieldSpec("end", .date), FieldSpec("hours", .number), FieldSpec("capacity", .count, optional: true),
            ]
        case .enrollment:
            [
                FieldSpec("cadre", .ref(.cadre), settable: false), FieldSpec("course", .ref(.course), settable: false),
                FieldSpec("status", .enumeration(.enrollmentStatus)), FieldSpec("hours", .number, optional: true),
                FieldSpec("date", .date, optional: true),
            ]
        case .rule:
            [
                FieldSpec("id", .id, settable: false), FieldSpec("title", .text), FieldSpec("for", .condition),
                FieldSpec("period", .period), FieldSpec("hours", .number),
                FieldSpec("kinds", .courseKinds, optional: true),
            ]
        case .exemption:
            [
                FieldSpec("cadre", .ref(.cadre), settable: false), FieldSpec("rule", .ref(.rule), settable: false),
                FieldSpec("reason", .text),
            ]
        case .budget:
            [
                FieldSpec("unit", .ref(.unit), settable: false), FieldSpec("year", .year, settable: false),
                FieldSpec("funds", .number), FieldSpec("revenue", .number), FieldSpec("spent", .number, optional: true),
            ]
        case .plan:
            [
                FieldSpec("unit", .ref(.unit), settable: false), FieldSpec("year", .year, settable: false),
                FieldSpec("participants", .count), FieldSpec("hours", .number),
            ]
        case .inspection:
            [
                FieldSpec("id", .id, settable: false), FieldSpec("by", .ref(.unit)), FieldSpec("unit", .ref(.unit)),
                FieldSpec("date", .date), FieldSpec("scope", .text, optional: true),
            ]
        case .finding:
            [
                FieldSpec("id", .id, settable: false), FieldSpec("inspection", .ref(.inspection)),
                FieldSpec("text", .text), FieldSpec("severity", .enumeration(.severity)), FieldSpec("due", .date),
                FieldSpec("status", .enumeration(.findingStatus)), FieldSpec("resolved", .date, optional: true),
            ]
        case .practice:
            [
                FieldSpec("id", .id, settable: false), FieldSpec("unit", .ref(.unit)), FieldSpec("text", .text),
                FieldSpec("year", .year), FieldSpec("promoted", .yesNo),
            ]
        }
    }

    public func field(named name: String) -> FieldSpec? {
        fields.first { $0.name == name }
    }
}
