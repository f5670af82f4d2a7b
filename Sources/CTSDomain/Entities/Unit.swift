// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

public struct Unit: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: UnitKind
    public var level: Level
    public var parent: Int?

    public init(id: String, name: String, kind: UnitKind, level: Level, parent: Int? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.level = level; self.parent = parent
    }
}

extension Unit: EntityRecord {
    public static let declaration = EntityDeclaration<Unit>(
        .unit, plural: "units", blank: Unit(id: "", name: "", kind: .locality, level: .central),
        fields: [
            .id(\.id), .text("name", \.name), .enumeration("kind", \.kind), .enumeration("level", \.level),
            .ref("parent", \.parent, to: .unit, reverseIndexed: true),
        ],
        record: (Record.unit, { if case .unit(let r) = $0 { r } else { nil } }),
        example: EntityExample(id: "nj.fin", set: "name=\"Nanjing Municipal Finance Bureau\""),
        detail: { u, _ in u.name },
        check: { u, s throws(DomainError) in
            if let parent = u.parent, let existing = s.slot(.unit, id: u.id), s.unit(parent, isUnder: existing) {
                throw DomainError(.unitUnderItself(unit: u.id, parent: s.name(of: .unit, parent)), field: "parent")
            }
        })
}
