/// The kinds of record a session holds (spec §2), plus `exemption`, which `exempt` creates.
public enum EntityKind: String, CaseIterable, Hashable, Sendable {
    case unit, cadre, course, enrollment, rule, exemption, budget, plan, inspection, finding, practice

    /// The word used in commands: `unit add`, `cadre show`.
    public var singular: String { rawValue }

    /// The kind's one declaration: its fields, key, checks and examples. The only place a kind's
    /// record type is named; everything else reads the declaration.
    public var declaration: any AnyEntityDeclaration {
        switch self {
        case .unit: Unit.declaration
        case .cadre: Cadre.declaration
        case .course: Course.declaration
        case .enrollment: Enrollment.declaration
        case .rule: Rule.declaration
        case .exemption: Exemption.declaration
        case .budget: Budget.declaration
        case .plan: Plan.declaration
        case .inspection: Inspection.declaration
        case .finding: Finding.declaration
        case .practice: Practice.declaration
        }
    }

    /// The collection word used in queries: `list units`.
    public var plural: String { declaration.plural }

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
    public var hasID: Bool { declaration.key == .id }

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

    var isRef: Bool {
        if case .ref = self { return true }
        return false
    }
}

/// One field of an entity, in the order of the table in spec §2.
public struct FieldSpec: Hashable, Sendable {
    public let name: String
    public let type: FieldType
    /// Whether the field may be absent.
    public let optional: Bool
    /// Whether `E set` may change it (ids and keys may not).
    public internal(set) var settable: Bool
    /// For a unit reference that only units of one kind may fill: a course's provider is an
    /// institution (spec §2). Checked wherever the field is set; completion offers only those.
    public let unitKind: UnitKind?
    /// Whether a missing value takes a default (a cadre's status is `active`): required in the
    /// record, not in `add` or a csv file.
    public internal(set) var hasDefault = false

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
    public var fields: [FieldSpec] { declaration.specs }

    public func field(named name: String) -> FieldSpec? {
        fieldNames.firstIndex(of: name).map { Self.specs[ordinal][$0] }
    }

    /// The names of the fields, in spec order. Worked out once for every kind: a command
    /// looks its fields up by name several times, and going through the declaration each
    /// time was a tenth of the time of `cadre add`.
    public var fieldNames: [String] { Self.names[ordinal] }

    private static let specs = allCases.map(\.fields)
    private static let names = specs.map { $0.map(\.name) }

    /// The kind's position in `allCases`: its table in the session (`declaration.ordinal`,
    /// without going through the declaration).
    public var ordinal: Int {
        switch self {
        case .unit: 0
        case .cadre: 1
        case .course: 2
        case .enrollment: 3
        case .rule: 4
        case .exemption: 5
        case .budget: 6
        case .plan: 7
        case .inspection: 8
        case .finding: 9
        case .practice: 10
        }
    }
}
