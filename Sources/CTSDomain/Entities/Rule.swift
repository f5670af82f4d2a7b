// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

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

extension Rule: EntityRecord {
    public static let declaration = EntityDeclaration<Rule>(
        .rule, plural: "rules",
        blank: Rule(id: "", title: "", condition: "", period: Period(years: 2000, 2000)!, hours: 0),
        fields: [
            .id(\.id), .text("title", \.title), .condition("for", \.condition), .period("period", \.period),
            .amount("hours", \.hours), .courseKinds("kinds", \.kinds),
        ],
        record: (Record.rule, { if case .rule(let r) = $0 { r } else { nil } }),
        example: EntityExample(id: "lead5y", set: "hours=500"),
        detail: { r, _ in r.title },
        check: { r, _ throws(DomainError) in
            if r.hours <= 0 { throw DomainError(.hoursNotPositive(r.hours), field: "hours") }
        })
}
