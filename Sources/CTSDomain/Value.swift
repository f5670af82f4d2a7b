/// A value as queries, expressions and output see it.
///
/// Records store typed fields; `Value` is the common currency between the evaluator and the
/// renderers. A reference to another record is carried by its id (`.ref(.unit, "nj.fin")`).
public enum Value: Hashable, Sendable {
    case null
    case number(Number)
    case text(String)
    case date(Day)
    case bool(Bool)
    case enumeration(EnumValue)
    case ref(EntityKind, String)
    case period(Period)
    case list([Value])

    /// What a user would call this kind of value, for messages ("expected a number, got a date").
    public var typeName: String {
        switch self {
        case .null: "nothing"
        case .number: "a number"
        case .text: "text"
        case .date: "a date"
        case .bool: "yes/no"
        case .enumeration(let e): withArticle(e.vocabulary.rawValue)
        case .ref(let kind, _): withArticle("\(kind.singular) id")
        case .period: "a period"
        case .list: "a list"
        }
    }

    public var number: Number? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension Value: CustomStringConvertible {
    /// The plain text form used by csv/tsv/table output and by `echo`: numbers shortest,
    /// dates ISO, enums lowercase, booleans yes/no, nothing as an empty string.
    public var description: String {
        switch self {
        case .null: ""
        case .number(let n): n.description
        case .text(let s): s
        case .date(let d): d.description
        case .bool(let b): b ? "yes" : "no"
        case .enumeration(let e): e.description
        case .ref(_, let id): id
        case .period(let p): p.description
        case .list(let items): items.map(\.description).joined(separator: ",")
        }
    }
}

extension Bool {
    /// The yes/no words of the language, in any case: `yes`/`true` and `no`/`false`.
    public init?(yesNo word: String) {
        switch word.lowercased() {
        case "yes", "true": self = true
        case "no", "false": self = false
        default: return nil
        }
    }
}
