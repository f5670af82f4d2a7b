import CTSDomain
import CTSLanguage

/// A function expressions may call, as `help functions`, completion, the binder's "did you
/// mean" and `dump` (which orders rules by the rules their conditions use) all read it.
public struct FunctionSpec: Sendable {
    public let name: String
    public let usage: String
    public let summary: String
    /// Whether its argument may name a rule (`hours(RULE)`, `compliant(RULE)`): such a
    /// function is about one cadre, and a condition using it depends on that rule.
    public let takesRule: Bool

    init(_ name: String, _ usage: String, _ summary: String, takesRule: Bool = false) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.takesRule = takesRule
    }
}

/// The functions expressions may call.
public enum Functions {
    public static let all: [FunctionSpec] = [
        FunctionSpec(
            "hours", "hours(YEAR) | hours(Y1..Y2) | hours(RULE)",
            "class hours a cadre was credited for completed courses dated in the year or period; "
                + "with a rule, only its period and kinds", takesRule: true),
        FunctionSpec(
            "compliant", "compliant(RULE)", "whether a cadre's hours(RULE) reach the rule's minimum",
            takesRule: true),
        FunctionSpec(
            "applies", "applies(RULE)",
            "whether a cadre matches the rule's `for` condition and is not exempt from it", takesRule: true),
        FunctionSpec("year", "year(DATE)", "the year of a date"),
        FunctionSpec("round", "round(X) | round(X, DIGITS)", "a number rounded to whole units or to DIGITS decimals"),
        FunctionSpec("count", "count(COLLECTION [where COND])", "how many records match"),
        FunctionSpec("sum", "sum(EXPR of COLLECTION [where COND])", "the total of EXPR over the records"),
        FunctionSpec("avg", "avg(EXPR of COLLECTION [where COND])", "the mean of EXPR over the records"),
        FunctionSpec("min", "min(EXPR of COLLECTION [where COND])", "the smallest EXPR over the records"),
        FunctionSpec("max", "max(EXPR of COLLECTION [where COND])", "the largest EXPR over the records"),
    ]

    /// The functions whose argument may name a rule.
    public static let takingRules: Set<String> = Set(all.filter(\.takesRule).map(\.name))
}

extension Binder {
    func bindCall(_ name: Located<String>, _ args: [Expr], _ range: SourceRange) throws(Diagnostic) -> Bound {
        switch name.value {
        case "hours": return try bindHours(name, args, range)
        case "compliant", "applies": return try bindRuleTest(name, args, range)
        case "year":
            let date = try expect(try single(name, args), .date, "year()")
            return Bound(.number, range) { slot in
                guard case .date(let d) = try date.evaluate(slot) else { return .null }
                return .number(Number(d.year))
            }
        case "round":
            guard args.count == 1 || args.count == 2 else {
                throw .error(BindProblem.roundArguments, at: range)
            }
            let x = try expect(try bind(args[0]), .number, "round()")
            let digits = args.count == 2 ? try expect(try bind(args[1]), .number, "round()") : nil
            return Bound(.number, range) { slot in
                guard case .number(let n) = try x.evaluate(slot) else { return .null }
                var places = 0
                if let digits, case .number(let d) = try digits.evaluate(slot) {
                    places = Int(max(0, min(15, d.double)))
                }
                return .number(n.rounded(places: places))
            }
        default:
            throw .error(BindProblem.unknownFunction(name.value, functions: Functions.all.map(\.name)), at: name.range)
        }
    }

    private func single(_ name: Located<String>, _ args: [Expr]) throws(Diagnostic) -> Bound {
        guard args.count == 1 else {
            throw .error(BindProblem.takesOneArgument(name.value, count: args.count), at: name.range)
        }
        return try bind(args[0])
    }

    private func requireCadre(_ name: Located<String>) throws(Diagnostic) {
        guard kind == .cadre else {
            throw .error(BindProblem.aboutOneCadre(name.value), at: name.range)
        }
    }

    /// hours(YEAR), hours(Y1..Y2), hours(RULE)
    private func bindHours(_ name: Located<String>, _ args: [Expr], _ range: SourceRange) throws(Diagnostic) -> Bound {
        try requireCadre(name)
        let arg = try single(name, args)
        let session = session
        switch (arg.type, try arg.constantValue("the argument of hours()")) {
        case (_, .number(let y)) where y.integer.map { (1...9999).contains($0) } ?? false:
            let period = Period(years: y.integer!, y.integer!)!
            return Bound(.number, range) { slot in .number(session.hours(cadre: slot, in: period)) }
        case (_, .period(let period)):
            return Bound(.number, range) { slot in .number(session.hours(cadre: slot, in: period)) }
        case (.word, .text(let id)):
            let cache = RuleHoursCache(rule: try resolve(.rule, id, arg.range), session: session, scan: scan)
            return Bound(.number, range) { slot in .number(cache.hours(cadre: slot)) }
        default:
            throw .error(BindProblem.hoursArgument(found: arg.type.description), at: arg.range)
        }
    }

    /// compliant(RULE), applies(RULE)
    private func bindRuleTest(_ name: Located<String>, _ args: [Expr], _ range: SourceRange) throws(Diagnostic) -> Bound
    {
        try requireCadre(name)
        let arg = try single(name, args)
        guard arg.type == .word, case .text(let id) = try arg.constantValue("the rule of \(name.value)()") else {
            throw .error(BindProblem.takesRuleID(name.value, found: arg.type.description), at: arg.range)
        }
        let rule = try resolve(.rule, id, arg.range)
        let session = session
        if name.value == "compliant" {
            let cache = RuleHoursCache(rule: rule, session: session, scan: scan)
            let test = { (slot: Int) in cache.hours(cadre: slot) >= cache.minimum }
            var bound = Bound(.bool, range) { slot in .bool(test(slot)) }
            bound.test = test
            return bound
        }
        let condition = try interpreter.ruleCondition(rule, at: arg.range).truth
        let test = { (slot: Int) throws -> Bool in
            // No exemptions (the usual case): no key hashed per cadre.
            try condition(slot) && (session.count(.exemption) == 0 || !session.isExempt(cadre: slot, rule: rule))
        }
        var bound = Bound(.bool, range) { slot in .bool(try test(slot)) }
        bound.test = test
        return bound
    }

    // MARK: - Aggregates and `of`

    /// count(C where X), sum(E of C where X), ... — the same over every record it is used on,
    /// so it is computed once, the first time it is needed.
    func bindAggregate(_ aggregate: Aggregate, _ range: SourceRange) throws(Diagnostic) -> Bound {
        let inner = Binder(interpreter: interpreter, kind: aggregate.collection.value)
        let filter = try aggregate.condition.map { (c) throws(Diagnostic) in try inner.condition(c) }
        let expression = try aggregate.expression.map { (e) throws(Diagnostic) in
            try inner.expect(try inner.bind(e), .number, "\(aggregate.function.rawValue)()")
        }
        let kind = aggregate.collection.value
        let interpreter = interpreter
        let function = aggregate.function
        let cache = Box<Value?>(nil)
        var bound = Bound(.number, range) { _ in
            if let value = cache.value { return value }
            var count = 0
            var values = Accumulator()
            for slot in interpreter.session.slots(kind) {
                try interpreter.checkInterrupt(slot)
                if let filter, !ValueOperations.truth(try filter.evaluate(slot)) { continue }
                count += 1
                if let expression, case .number(let n) = try expression.evaluate(slot) { values.add(n) }
            }
            // Every result is finite: `sum(1e308 of cadres)` is an error, not `inf`.
            guard values.sum.isFinite else { throw Diagnostic.error(RunProblem.sumTooLarge, at: range) }
            let value: Value = function == .count ? .number(Number(count)) : values.result(function)
            cache.value = value
            return value
        }
        bound.isConstant = true
        return bound
    }

    /// `EXPR of cadre c1`
    func bindOf(_ inner: Expr, _ target: Located<EntityKind>, _ id: Argument, _ range: SourceRange) throws(Diagnostic)
        -> Bound
    {
        let bound = try Binder(interpreter: interpreter, kind: target.value).bind(inner)
        let idText: String
        switch id.kind {
        case .word(let w): idText = w
        case .string(let s): idText = s
        case .number(let n): idText = id.written ?? n.description
        case .variable(let v):
            guard let value = interpreter.variables[v] else {
                throw .error(BindProblem.unknownVariable(v, suggestion: nil), at: id.range)
            }
            idText = value.description
        default:
            throw .error(BindProblem.expectedID(target.value), at: id.range)
        }
        let slot = try resolve(target.value, idText, id.range)
        var result = Bound(
            bound.type, range, word: bound.word, refSlot: bound.refSlot.map { r in { _ in try r(slot) } }
        ) { _ in
            try bound.evaluate(slot)
        }
        result.isConstant = true
        return result
    }
}

/// One rule's terms and the hours cadres have toward it, for `hours(RULE)` and
/// `compliant(RULE)`: read again after the session changed, since a bound `compliant(r1)` may
/// be kept (in another rule's condition) while `r1` or the enrollments change.
final class RuleHoursCache {
    let rule: Int
    let session: Session
    private var version = -1
    private var terms: RuleTerms?
    /// Cadres asked about since the session last changed, until `totals` is worth making.
    private var asked = 0
    private var threshold = 0
    /// Every cadre's hours, once a query has asked about many cadres.
    private var totals: [Number]?

    /// The size of the pass the query is making: past the threshold, every cadre's hours are
    /// worked out at the first cadre asked about (at 10⁶ cadres the sixteenth asked about one
    /// by one, their enrollments scattered, cost as much as the pass over all of them).
    let scan: ScanSize

    init(rule: Int, session: Session, scan: ScanSize) {
        self.rule = rule
        self.session = session
        self.scan = scan
    }

    var current: RuleTerms {
        refresh()
        return terms!
    }

    /// The rule's minimum, without copying its terms (asked once per cadre by `compliant`).
    var minimum: Number {
        refresh()
        return currentMinimum
    }
    private var currentMinimum = Number.zero

    private func refresh() {
        // `version` is -1 until the terms are first read: one comparison per cadre asked about.
        guard version != session.version else { return }
        terms = session.terms(ofRule: rule)!
        currentMinimum = terms!.minimum
        version = session.version
        asked = 0
        threshold = session.count(.cadre) / 16 + 64
        totals = nil
    }

    /// `session.hours(cadre:toward:)`, answered from one pass over every enrollment once a
    /// sixteenth of the cadres have been asked about (a query over most of them), which reads
    /// memory in order instead of each cadre's scattered enrollments.
    func hours(cadre: Int) -> Number {
        refresh()
        if let totals { return cadre >= 0 && cadre < totals.count ? totals[cadre] : .zero }
        let t = terms!
        asked += 1
        if asked > threshold || scan.records > threshold {
            let all = session.hoursByCadre(toward: t)
            totals = all
            return cadre >= 0 && cadre < all.count ? all[cadre] : .zero
        }
        return session.hours(cadre: cadre, toward: t)
    }
}

/// How many records a query's pass evaluates its bound expressions over (see ``Binder/scan``).
final class ScanSize {
    var records = 0
}

/// A mutable cell shared by closures (an aggregate's cached value).
final class Box<T> {
    var value: T
    init(_ value: T) { self.value = value }
}

/// Running count, sum, min and max of numbers; exact while the numbers are (sums of class hours
/// and money are).
struct Accumulator {
    var count = 0
    var sum = Number.zero
    var min: Number?
    var max: Number?

    mutating func add(_ n: Number) {
        count += 1
        sum += n
        min = Swift.min(min ?? n, n)
        max = Swift.max(max ?? n, n)
    }

    func result(_ function: AggregateFunction) -> Value {
        switch function {
        case .count: .number(Number(count))
        case .sum: .number(sum)
        case .avg: count == 0 ? .null : .number(sum / Number(count))
        case .min: min.map(Value.number) ?? .null
        case .max: max.map(Value.number) ?? .null
        }
    }
}
