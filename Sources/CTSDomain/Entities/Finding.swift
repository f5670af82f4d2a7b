// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

public struct Finding: Hashable, Sendable {
    public var id: String
    public var inspection: Int
    public var text: String
    public var severity: Severity
    public var due: Day
    public var status: FindingStatus
    public var resolved: Day?

    public init(
        id: String, inspection: Int, text: String, severity: Severity, due: Day,
        status: FindingStatus = .open, resolved: Day? = nil
    ) {
        self.id = id; self.inspection = inspection; self.text = text; self.severity = severity
        self.due = due; self.status = status; self.resolved = resolved
    }
}

extension Finding: EntityRecord {
    public static let declaration = EntityDeclaration<Finding>(
        .finding, plural: "findings",
        blank: Finding(id: "", inspection: 0, text: "", severity: .low, due: Day(daysSinceEpoch: 0)),
        fields: [
            .id(\.id), .ref("inspection", \.inspection, to: .inspection), .text("text", \.text),
            .enumeration("severity", \.severity), .date("due", \.due), .enumeration("status", \.status, default: .open),
            .date("resolved", \.resolved),
        ],
        record: (Record.finding, { if case .finding(let r) = $0 { r } else { nil } }),
        example: EntityExample(id: "f1", set: "severity=high"),
        detail: { f, _ in f.text },
        check: { f, s throws(DomainError) in
            if f.status == .resolved && f.resolved == nil {
                throw DomainError(.resolvedWithoutDate, field: "resolved")
            }
            if f.status == .open && f.resolved != nil {
                throw DomainError(.openWithResolvedDate, field: "resolved")
            }
            // Nothing about a finding can come before the inspection that found it.
            guard let inspected = s.inspections[f.inspection]?.date else { return }
            if f.due < inspected {
                throw DomainError(.dueBeforeInspection(finding: f.id, due: f.due, inspected: inspected), field: "due")
            }
            if let resolved = f.resolved, resolved < inspected {
                throw DomainError(
                    .resolvedBeforeInspection(finding: f.id, date: resolved, inspected: inspected), field: "resolved")
            }
        })
}
