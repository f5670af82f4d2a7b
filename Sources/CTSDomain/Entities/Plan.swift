// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

public struct Plan: Hashable, Sendable {
    public var unit: Int
    public var year: Int
    public var participants: Int
    public var hours: Number

    public init(unit: Int, year: Int, participants: Int, hours: Number) {
        self.unit = unit; self.year = year; self.participants = participants; self.hours = hours
    }
}

extension Plan: EntityRecord {
    public static let declaration = EntityDeclaration<Plan>(
        .plan, plural: "plans", blank: Plan(unit: 0, year: 1, participants: 0, hours: 0),
        key: .pair("unit", "year", joiner: " "),
        fields: [
            .ref("unit", \.unit, to: .unit), .year("year", \.year), .count("participants", \.participants),
            .amount("hours", \.hours),
        ],
        record: (Record.plan, { if case .plan(let r) = $0 { r } else { nil } }),
        check: { p, _ throws(DomainError) in
            if p.hours < 0 { throw DomainError(.negative(field: "hours"), field: "hours") }
        })
}
