/// What counts toward a rule (its period and course kinds) and the minimum it asks for, read
/// out of the rule once so that asking about many cadres copies no ``Rule``.
public struct RuleTerms: Equatable, Sendable {
    public let period: Period
    /// Course kinds that count; nil means every kind.
    public let kinds: [CourseKind]?
    public let minimum: Number

    public init(_ rule: Rule) {
        period = rule.period
        kinds = rule.kinds
        minimum = rule.hours
    }
}

extension Session {
    /// The terms of a rule as it is now, or nil for an empty slot.
    public func terms(ofRule rule: Int) -> RuleTerms? { rules[rule].map(RuleTerms.init) }

    /// Class hours a cadre has toward a rule's terms: what `hours(cadre:rule:)` gives.
    ///
    /// The tables are read once per cadre rather than once per enrollment (each read is an
    /// exclusivity check and a retain), the tight loop `compliant(RULE)` and the compliance
    /// report run a million times. The hours are added in the same order, so sums are equal.
    public func hours(cadre: Int, toward terms: RuleTerms) -> Number {
        let byCadre = enrollmentsByCadre
        guard cadre >= 0, cadre < byCadre.count else { return .zero }
        let enrollments = self.enrollments
        let courses = self.courses
        var total = Number.zero
        for e in byCadre[cadre] {
            guard let enrollment = enrollments[Int(e)], enrollment.status == .completed,
                let date = enrollment.date, terms.period.contains(date)
            else { continue }
            if let kinds = terms.kinds, !kinds.contains(courses[Int(enrollment.course)]!.kind) { continue }
            total += enrollment.hours ?? 0
        }
        return total
    }
}

extension Session {
    /// Every cadre's hours toward a rule's terms, by cadre slot: what `hours(cadre:toward:)`
    /// gives for each, from one pass over the enrollments.
    ///
    /// A cadre's enrollments lie scattered over the enrollment table, so asking cadre by cadre
    /// waits on memory twice an enrollment (its row, its course's) at a province's size; in
    /// slot order the rows are read in order and the courses that count are looked up in a
    /// small table. Sums of exact hours (never negative) do not depend on the order they are
    /// added in; a cadre with any inexact hours is added up again in its own order.
    public func hoursByCadre(toward terms: RuleTerms) -> [Number] {
        let enrollments = self.enrollments
        let courses = self.courses
        var counts = [Bool](repeating: terms.kinds == nil, count: courses.nextSlot)
        if let kinds = terms.kinds {
            for slot in 0..<courses.nextSlot { counts[slot] = courses[slot].map { kinds.contains($0.kind) } ?? false }
        }
        // Whole thousandths, as exact `Number`s add, in 32 bits (2 million hours): 4 bytes a
        // cadre rather than a `Number`'s 16, since the enrollments name their cadres in no
        // order and every addition lands at random (at 10⁶ cadres most of the pass waited on
        // those reads). A cadre whose hours do not fit is added up again as `Number`s.
        var thousandths = [Int32](repeating: 0, count: cadres.nextSlot)
        var inexact: [Int] = []
        for row in enrollments.rows {
            guard let e = row, e.status == .completed, let date = e.date, terms.period.contains(date),
                counts[Int(e.course)]
            else { continue }
            let cadre = Int(e.cadre)
            guard let hours = (e.hours ?? 0).thousandths.flatMap(Int32.init(exactly:)) else {
                inexact.append(cadre)
                continue
            }
            let (sum, overflow) = thousandths[cadre].addingReportingOverflow(hours)
            if overflow { inexact.append(cadre) } else { thousandths[cadre] = sum }
        }
        var totals = thousandths.map { Number(thousandths: Int64($0)) }
        for cadre in inexact { totals[cadre] = hours(cadre: cadre, toward: terms) }
        return totals
    }
}
