// The validated operations commands are made of. Each checks everything first, then changes
// the session through the primitives and records the changes in `changes`, so a caller can
// revert a command that fails part-way (for example the 900th cadre of a bulk enroll).

extension Session {
    /// Adds a new record; refuses a duplicate id or key.
    @discardableResult
    public func add(_ record: Record, _ changes: inout ChangeSet) throws(DomainError) -> Int {
        if let existing = existingSlot(for: record) {
            let kind = record.kind
            throw DomainError(
                .alreadyExists(kind, name: name(of: kind, existing)), field: kind.hasID ? "id" : nil)
        }
        try check(record)
        return append(record, to: &changes)
    }

    /// Changes fields of the record in a slot.
    public func update(
        _ kind: EntityKind, _ slot: Int, with fields: [(String, Value)],
        _ changes: inout ChangeSet
    ) throws(DomainError) {
        guard let old = record(kind, slot) else { throw DomainError(.noSuchRecord(kind)) }
        let new = try updating(old, with: fields)
        if case .course(let course) = new, let cap = course.capacity {
            let taken = activeEnrollments(course: slot)
            if taken > cap {
                throw DomainError(
                    .capacityBelowEnrolled(course: course.id, enrolled: taken, capacity: cap), field: "capacity")
            }
        }
        if case .unit(let unit) = new, case .unit(let was) = old, unit.kind != was.kind, was.kind == .institution {
            // A course's provider must stay an institution (spec §2), or `course set` on it fails later.
            let provided = courses.slots.filter { courses[$0]!.provider == slot }.count
            if provided > 0 {
                throw DomainError(.mustStayInstitution(unit: unit.id, courses: provided), field: "kind")
            }
        }
        if new != old { replace(slot, with: new, in: &changes) }
    }

    /// Sets a budget or plan line, adding it or changing the one for the same unit and year.
    public func upsert(_ record: Record, _ changes: inout ChangeSet) throws(DomainError) {
        try check(record)
        if let slot = existingSlot(for: record) {
            if self.record(record.kind, slot) != record { replace(slot, with: record, in: &changes) }
        } else {
            append(record, to: &changes)
        }
    }

    // MARK: - References

    /// The records that refer to the record in `slot`, grouped by kind, each list in slot order.
    public func referrers(of kind: EntityKind, _ slot: Int) -> [(kind: EntityKind, slots: [Int])] {
        var found: [(EntityKind, [Int])] = []
        for k in EntityKind.allCases {
            if let slots = referrers(k, to: kind, slot), !slots.isEmpty { found.append((k, slots)) }
        }
        return found
    }

    /// Removes a record. Refused while other records refer to it, unless `cascade`: then those
    /// go too (and what refers to them, and so on). Returns how many records of each kind went.
    @discardableResult
    public func remove(
        _ kind: EntityKind, _ slot: Int, cascade: Bool,
        _ changes: inout ChangeSet
    ) throws(DomainError) -> [(kind: EntityKind, count: Int)] {
        let refs = referrers(of: kind, slot)
        if !refs.isEmpty && !cascade {
            let by = refs.map { DomainError.Referrers($0.kind, $0.slots.count) }
            throw DomainError(.referredTo(kind, name: name(of: kind, slot), by: by))
        }
        var removed: [EntityKind: Int] = [:]
        removeTree(kind, slot, &removed, &changes)
        return EntityKind.dependencyOrder.compactMap { k in removed[k].map { (k, $0) } }
    }

    private func removeTree(
        _ kind: EntityKind, _ slot: Int, _ removed: inout [EntityKind: Int],
        _ changes: inout ChangeSet
    ) {
        guard record(kind, slot) != nil else { return }
        for (k, slots) in referrers(of: kind, slot) {
            for s in slots { removeTree(k, s, &removed, &changes) }
        }
        delete(kind, slot, in: &changes)
        removed[kind, default: 0] += 1
    }

    /// "a", "a and b", "a, b and c".
    public static func listing(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// "3 cadres", "1 budget".
    /// The kinds of record the session holds any of; empty for an empty session.
    public var kindsHeld: [EntityKind] { EntityKind.allCases.filter { count($0) > 0 } }

    public static func counted(_ n: Int, _ kind: EntityKind) -> String {
        "\(n) \(n == 1 ? kind.singular : kind.plural)"
    }

    // MARK: - Enrollments

    /// Enrollments in a course that hold a place (enrolled or completed).
    public func activeEnrollments(course: Int) -> Int {
        enrollmentsByCourse[course].reduce(0) { n, e in
            let s = enrollments[Int(e)]!.status
            return n + (s == .enrolled || s == .completed ? 1 : 0)
        }
    }

    /// Enrolls a cadre in a course. A cadre who withdrew may enroll again.
    public func enroll(cadre: Int, course: Int, _ changes: inout ChangeSet) throws(DomainError) {
        // Ids only for the errors: the records are not copied (see `reading`).
        func ids() -> (cadre: String, course: String) { (id(.cadre, cadre)!, id(.course, course)!) }
        if reading(Cadre.self, cadre, { $0.pointee.status }) == .left {
            throw DomainError(.cadreLeft(cadre: ids().cadre))
        }
        if let cap = reading(Course.self, course, { $0.pointee.capacity }), activeEnrollments(course: course) >= cap {
            throw DomainError(.courseFull(course: ids().course, capacity: cap))
        }
        if let slot = enrollmentSlot(cadre: cadre, course: course) {
            let e = enrollments[slot]!
            guard e.status == .withdrawn else {
                let (c, k) = ids()
                throw DomainError(
                    e.status == .completed
                        ? .alreadyCompleted(cadre: c, course: k)
                        : .alreadyEnrolled(cadre: c, status: e.status, course: k))
            }
            replace(
                slot, old: .enrollment(e), with: .enrollment(Enrollment(cadre: cadre, course: course)), in: &changes)
        } else {
            append(.enrollment(Enrollment(cadre: cadre, course: course)), to: &changes)
        }
    }

    /// Marks an enrollment completed, crediting `hours` (default: the course's hours) on `date`
    /// (default: the course's end date).
    public func complete(
        cadre: Int, course: Int, hours: Number?, date: Day?,
        _ changes: inout ChangeSet
    ) throws(DomainError) {
        let k = reading(Course.self, course) { (hours: $0.pointee.hours, start: $0.pointee.start, end: $0.pointee.end) }
        let slot = try enrolled(cadre, course, for: .complete)
        let credited = hours ?? k.hours
        if credited <= 0 { throw DomainError(.nonPositiveHours, field: "hours") }
        if !credited.isExact {
            throw DomainError(.creditedTooPrecise(credited), field: "hours")
        }
        if credited > k.hours {
            throw DomainError(
                .creditOverCourse(course: id(.course, course)!, worth: k.hours, credited: credited), field: "hours")
        }
        let day = date ?? k.end
        if day < k.start {
            throw DomainError(
                .completedBeforeStart(date: day, course: id(.course, course)!, start: k.start), field: "date")
        }
        let was = enrollments[slot]!
        var e = was
        e.status = .completed
        e.hours = credited
        e.date = day
        replace(slot, old: .enrollment(was), with: .enrollment(e), in: &changes)
    }

    /// Marks an enrolled cadre absent or withdrawn.
    public func mark(
        cadre: Int, course: Int, _ status: EnrollmentStatus,
        _ changes: inout ChangeSet
    ) throws(DomainError) {
        let slot = try enrolled(cadre, course, for: status == .absent ? .markAbsent : .withdraw)
        let was = enrollments[slot]!
        var e = was
        e.status = status
        replace(slot, old: .enrollment(was), with: .enrollment(e), in: &changes)
    }

    /// The slot of an enrollment that is in the `enrolled` state, or an error saying why not.
    private func enrolled(_ cadre: Int, _ course: Int, for step: DomainError.Step) throws(DomainError) -> Int {
        guard let slot = enrollmentSlot(cadre: cadre, course: course) else {
            throw DomainError(.neverEnrolled(step, cadre: cadres[cadre]!.id, course: courses[course]!.id))
        }
        let status = enrollments[slot]!.status
        guard status == .enrolled else {
            throw DomainError(
                .enrollmentClosed(step, cadre: cadres[cadre]!.id, course: courses[course]!.id, status: status))
        }
        return slot
    }

    // MARK: - Rules and compliance

    /// Class hours a cadre has been credited in a period, counting only `kinds` when given.
    public func hours(cadre: Int, in period: Period, kinds: [CourseKind]? = nil) -> Number {
        var total = Number.zero
        for e in enrollmentsByCadre[cadre] {
            let enrollment = enrollments[Int(e)]!
            guard enrollment.status == .completed, let date = enrollment.date, period.contains(date) else { continue }
            if let kinds, !kinds.contains(courses[Int(enrollment.course)]!.kind) { continue }
            total += enrollment.hours ?? 0
        }
        return total
    }

    /// Hours that count toward a rule: in its period and of its kinds.
    public func hours(cadre: Int, rule: Int) -> Number {
        let r = rules[rule]!
        return hours(cadre: cadre, in: r.period, kinds: r.kinds)
    }

    public func isExempt(cadre: Int, rule: Int) -> Bool {
        exemptionSlot(cadre: cadre, rule: rule) != nil
    }

    /// Records that a rule no longer applies to a cadre.
    public func exempt(cadre: Int, rule: Int, reason: String, _ changes: inout ChangeSet) throws(DomainError) {
        if isExempt(cadre: cadre, rule: rule) {
            throw DomainError(.alreadyExempt(cadre: cadres[cadre]!.id, rule: rules[rule]!.id))
        }
        if !reason.contains(where: { !$0.isWhitespace }) {
            throw DomainError(.exemptionNeedsReason, field: "reason")
        }
        append(.exemption(Exemption(cadre: cadre, rule: rule, reason: reason)), to: &changes)
    }

    // MARK: - Findings

    public func resolve(finding slot: Int, on date: Day, _ changes: inout ChangeSet) throws(DomainError) {
        var f = findings[slot]!
        if f.status == .resolved {
            throw DomainError(.alreadyResolved(finding: f.id, on: f.resolved))
        }
        let inspected = inspections[f.inspection]!.date
        if date < inspected {
            throw DomainError(.resolvedBeforeInspection(finding: f.id, date: date, inspected: inspected), field: "date")
        }
        f.status = .resolved
        f.resolved = date
        replace(slot, with: .finding(f), in: &changes)
    }
}
