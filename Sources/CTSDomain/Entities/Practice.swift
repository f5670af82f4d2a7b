// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

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

extension Practice: EntityRecord {
    public static let declaration = EntityDeclaration<Practice>(
        .practice, plural: "practices", blank: Practice(id: "", unit: 0, text: "", year: 1),
        fields: [
            .id(\.id), .ref("unit", \.unit, to: .unit), .text("text", \.text), .year("year", \.year),
            .yesNo("promoted", \.promoted, default: false),
        ],
        record: (Record.practice, { if case .practice(let r) = $0 { r } else { nil } }),
        example: EntityExample(id: "p1", set: "promoted=yes"),
        detail: { p, _ in p.text })
}
