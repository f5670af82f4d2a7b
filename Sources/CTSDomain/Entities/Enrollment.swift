// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

/// One cadre in one course. Kept small, 40 bytes a row in its table (33 of data: the two slots,
/// the status, 9 for the optional `Number` and 5 for the optional `Day`), because a province
/// has millions of them; EnrollmentTests checks the figure.
public struct Enrollment: Hashable, Sendable {
    public var cadre: Int32
    public var course: Int32
    public var status: EnrollmentStatus
    /// Credited class hours; set when completed.
    public var hours: Number?
    /// Date of completion; set when completed.
    public var date: Day?

    public init(cadre: Int, course: Int, status: EnrollmentStatus = .enrolled, hours: Number? = nil, date: Day? = nil) {
        self.cadre = Int32(cadre); self.course = Int32(course); self.status = status
        self.hours = hours; self.date = date
    }
}

extension Enrollment: EntityRecord {
    public static let declaration = EntityDeclaration<Enrollment>(
        .enrollment, plural: "enrollments", blank: Enrollment(cadre: 0, course: 0),
        key: .pair("cadre", "course", joiner: " in "),
        fields: [
            .ref("cadre", \.cadre, to: .cadre, reverseIndexed: true),
            .ref("course", \.course, to: .course, reverseIndexed: true),
            .enumeration("status", \.status, default: .enrolled), .amount("hours", \.hours), .date("date", \.date),
        ],
        record: (Record.enrollment, { if case .enrollment(let r) = $0 { r } else { nil } }),
        check: { e, _ throws(DomainError) in
            if let h = e.hours, h < 0 { throw DomainError(.negative(field: "hours"), field: "hours") }
        })
}
