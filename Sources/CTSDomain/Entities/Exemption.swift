// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

/// A cadre to whom a rule no longer applies (`exempt CADRE from RULE reason="..."`).
public struct Exemption: Hashable, Sendable {
    public var cadre: Int
    public var rule: Int
    public var reason: String

    public init(cadre: Int, rule: Int, reason: String) {
        self.cadre = cadre; self.rule = rule; self.reason = reason
    }
}

extension Exemption: EntityRecord {
    public static let declaration = EntityDeclaration<Exemption>(
        .exemption, plural: "exemptions", blank: Exemption(cadre: 0, rule: 0, reason: ""),
        key: .pair("cadre", "rule", joiner: " from "),
        fields: [.ref("cadre", \.cadre, to: .cadre), .ref("rule", \.rule, to: .rule), .text("reason", \.reason)],
        record: (Record.exemption, { if case .exemption(let r) = $0 { r } else { nil } }))
}
