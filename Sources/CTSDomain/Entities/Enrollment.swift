// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

/// One cadre in one course. Kept small, 32 bytes a row in its table (28 of data: 9 for the
/// optional `Number`, the status, 5 for the optional `Day` and the two slots), because a
/// province has millions of them; EnrollmentTests checks the figure. The properties are in the
/// order that packs them (the 8-byte `Number` first): in the order of the fields a row took 40.
public struct Enrollment: Hashable, Sendable {
    /// Credited class hours; set when completed.
    public var hours: Number?
    public var status: EnrollmentStatus
    /// Date of completion; set when completed.
    public var date: Day?
    public var cadre: Int32
    public var course: Int32

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
