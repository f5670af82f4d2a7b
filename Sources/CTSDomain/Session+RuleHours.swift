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
