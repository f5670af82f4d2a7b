// A kind of record and its one declaration (see `EntityRecord`): the struct holds the fields,
// the declaration says how each is named, typed, read and stored. References are slots into
// the referenced kind's table.

public struct Course: Hashable, Sendable {
    public var id: String
    public var title: String
    public var kind: CourseKind
    public var provider: Int
    public var organizer: Int?
    public var start: Day
    public var end: Day
    /// Class hours the course is worth when completed in full.
    public var hours: Number
    public var capacity: Int?
    /// Class hours in one training day for this course: the `set day-hours` factor in force when
    /// the course was added, so `complete … days=N` credits what `days=` meant when it was entered.
    public var dayHours: Number

    public init(
        id: String, title: String, kind: CourseKind, provider: Int, organizer: Int? = nil,
        start: Day, end: Day, hours: Number, capacity: Int? = nil, dayHours: Number = Course.standardDayHours
    ) {
        self.id = id; self.title = title; self.kind = kind; self.provider = provider; self.organizer = organizer
        self.start = start; self.end = end; self.hours = hours; self.capacity = capacity; self.dayHours = dayHours
    }

    /// One training day is 7.5 class hours unless `set day-hours` says otherwise (spec §2).
    public static let standardDayHours = Number(thousandths: 7_500)
}

extension Course: EntityRecord {
    public static let declaration = EntityDeclaration<Course>(
        .course, plural: "courses",
        blank: Course(
            id: "", title: "", kind: .offJob, provider: 0, start: Day(daysSinceEpoch: 0), end: Day(daysSinceEpoch: 0),
            hours: 0),
        fields: [
            .id(\.id), .text("title", \.title), .enumeration("kind", \.kind),
            .ref("provider", \.provider, to: .unit, unitKind: .institution), .ref("organizer", \.organizer, to: .unit),
            .date("start", \.start), .date("end", \.end), .amount("hours", \.hours), .count("capacity", \.capacity),
            .stored(column: "day_hours", \.dayHours) { $0.settings.dayHours },
        ],
        record: (Record.course, { if case .course(let r) = $0 { r } else { nil } }),
        example: EntityExample(id: "k1", set: "capacity=40"),
        detail: { c, _ in c.title },
        check: { c, _ throws(DomainError) in
            if c.end < c.start {
                throw DomainError(.endsBeforeStart(course: c.id, end: c.end, start: c.start), field: "end")
            }
            if c.hours <= 0 { throw DomainError(.hoursNotPositive(c.hours), field: "hours") }
            if let cap = c.capacity, cap <= 0 { throw DomainError(.capacityBelowOne, field: "capacity") }
        })
}
