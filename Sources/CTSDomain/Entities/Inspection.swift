// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

public struct Inspection: Hashable, Sendable {
    public var id: String
    /// The inspecting unit (usually an organization department).
    public var by: Int
    /// The unit inspected.
    public var unit: Int
    public var date: Day
    public var scope: String?

    public init(id: String, by: Int, unit: Int, date: Day, scope: String? = nil) {
        self.id = id; self.by = by; self.unit = unit; self.date = date; self.scope = scope
    }
}

extension Inspection: EntityRecord {
    public static let declaration = EntityDeclaration<Inspection>(
        .inspection, plural: "inspections", blank: Inspection(id: "", by: 0, unit: 0, date: Day(daysSinceEpoch: 0)),
        fields: [
            .id(\.id), .ref("by", \.by, to: .unit), .ref("unit", \.unit, to: .unit), .date("date", \.date),
            .text("scope", \.scope),
        ],
        record: (Record.inspection, { if case .inspection(let r) = $0 { r } else { nil } }),
        example: EntityExample(id: "i1", set: "scope=\"Training files and budgets\""),
        detail: { i, s in i.scope ?? "\(s.name(of: .unit, i.unit)), \(i.date)" },
        check: { i, s throws(DomainError) in
            // Its findings cannot have been resolved, or due, before it took place.
            guard let existing = s.slot(.inspection, id: i.id) else { return }
            let findings = s.findings.slots.lazy.compactMap({ s.findings[$0] }).filter { $0.inspection == existing }
            if let early = findings.first(where: { $0.resolved.map { $0 < i.date } ?? false }) {
                throw DomainError(
                    .inspectionAfterResolution(
                        inspection: i.id, date: i.date, finding: early.id, resolved: early.resolved!),
                    field: "date")
            }
            if let early = findings.first(where: { $0.due < i.date }) {
                throw DomainError(
                    .inspectionAfterDue(inspection: i.id, date: i.date, finding: early.id, due: early.due),
                    field: "date")
            }
        })
}
