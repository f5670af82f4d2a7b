// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

public struct Cadre: Hashable, Sendable {
    public var id: String
    public var name: String
    public var unit: Int
    public var rank: Rank
    public var category: Category
    public var born: Int?
    public var status: CadreStatus

    public init(
        id: String, name: String, unit: Int, rank: Rank, category: Category, born: Int? = nil,
        status: CadreStatus = .active
    ) {
        self.id = id; self.name = name; self.unit = unit; self.rank = rank; self.category = category
        self.born = born; self.status = status
    }
}

extension Cadre: EntityRecord {
    public static let declaration = EntityDeclaration<Cadre>(
        .cadre, plural: "cadres", blank: Cadre(id: "", name: "", unit: 0, rank: .staff, category: .leading),
        fields: [
            .id(\.id), .text("name", \.name), .ref("unit", \.unit, to: .unit, reverseIndexed: true),
            .enumeration("rank", \.rank), .enumeration("category", \.category), .year("born", \.born),
            .enumeration("status", \.status, default: .active),
        ],
        record: (Record.cadre, { if case .cadre(let r) = $0 { r } else { nil } }),
        example: EntityExample(id: "c1", set: "rank=bureau"),
        detail: { c, _ in c.name })
}
