import CTSDomain

/// The keywords of the language that are not command names, in one place, so the parser,
/// TAB completion and the docs read the same words.
public enum Grammar {
    /// The clause keywords a query of this form takes after its collection, in usage order
    /// (`list`: where, sort, limit, columns; `count` and `stats`: where, by).
    public static func queryClauses(_ form: CommandForm) -> [String] {
        switch form {
        case .list: ["where", "sort", "limit", "columns"]
        case .count, .stats: ["where", "by"]
        default: []
        }
    }

    /// `as FORMAT`, the output clause that ends queries and reports.
    public static let outputKeyword = "as"
    /// What may follow a sort key.
    public static let sortDirections = ["asc", "desc"]
    /// Joining conditions.
    public static let logicalOperators = ["and", "or"]
    public static let notKeyword = "not"
    /// Word operators of a comparison: `rank in (...)`, `name contains "x"`, `unit under js`.
    public static let wordOperators = ["in", "contains", "under"]
    /// `stats EXPR of COLLECTION`, `sum(EXPR of COLLECTION)`, `EXPR of cadre ID`.
    public static let ofKeyword = "of"
    /// `count(COLLECTION where COND)`, `list COLLECTION where COND`, `(cadres where COND)`.
    public static let whereKeyword = "where"
    /// The records a condition slot (a rule's `for=(…)`) ranges over: a rule is about cadres.
    public static let conditionKind = EntityKind.cadre
}

extension ReportKind {
    /// The positional arguments after the report's name.
    public var arguments: [Slot] {
        switch self {
        case .compliance: [Slot("RULE", .ref(.rule))]
        case .budget: [Slot("Y1..Y2", .period)]
        case .inspections: [Slot("FILTER", .choice(ReportKind.inspectionFilters), optional: true)]
        case .courses: [Slot("Y1..Y2", .period)]
        case .plan: [Slot("YEAR", .year)]
        }
    }

    /// The fields `by` groups by; empty for reports that take no `by`.
    public var groupings: [String] {
        self == .compliance ? ["unit", "level", "category", "rank"] : []
    }

    /// Whether the report takes `under UNIT`.
    public var takesUnder: Bool {
        self != .inspections && self != .courses
    }

    /// `report inspections open|overdue`.
    public static let inspectionFilters = ["open", "overdue"]
}
