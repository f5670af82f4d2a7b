// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

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

extension Budget: EntityRecord {
    public static let declaration = EntityDeclaration<Budget>(
        .budget, plural: "budgets", blank: Budget(unit: 0, year: 1, funds: 0, revenue: 0),
        key: .pair("unit", "year", joiner: " "),
        fields: [
            .ref("unit", \.unit, to: .unit), .year("year", \.year), .amount("funds", \.funds),
            .amount("revenue", \.revenue), .amount("spent", \.spent),
        ],
        record: (Record.budget, { if case .budget(let r) = $0 { r } else { nil } }),
        check: { b, _ throws(DomainError) in
            if b.funds < 0 { throw DomainError(.negative(field: "funds"), field: "funds") }
            if b.revenue < 0 { throw DomainError(.negative(field: "revenue"), field: "revenue") }
            if let s = b.spent, s < 0 { throw DomainError(.negative(field: "spent"), field: "spent") }
        })
}
