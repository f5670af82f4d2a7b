import CTSDomain
import CTSLanguage

/// What the binder knows about an expression before running it.
enum StaticType: Equatable {
    case number, text, date, bool, period, list, unknown
    case enumeration(Vocabulary)
    case ref(EntityKind)
    /// A bare word that is not a field: an enum value or an id, read once the other side
    /// of a comparison says which.
    case word

    var description: String {
        switch self {
        case .number: "a number"
        case .text: "text"
        case .date: "a date"
        case .bool: "a yes/no condition"
        case .period: "a period"
        case .list: "a list"
        case .unknown: "a value"
        case .enumeration(let v): withArticle(v.rawValue)
        case .ref(let k): withArticle(k.singular)
        case .word: "a word"
        }
    }
}

/// Where every cadre a condition can be true for lies: in one unit, or in a unit and the
/// units below it.
enum CadreScope: Equatable {
    case unit(Int)
    case under(Int)

    /// The scope of a conjunction: its narrowest term's (one unit rather than a subtree;
    /// else the first).
    static func narrowest(_ scopes: [CadreScope?]) -> CadreScope? {
        let known = scopes.compactMap { $0 }
        return known.first { if case .unit = $0 { true } else { false } } ?? known.first
    }
}

/// An expression compiled against the records it ranges over: evaluating it is a closure call
/// with the slot of the current record (or -1 where there is none).
struct Bound {
    var type: StaticType
    var range: SourceRange
    var evaluate: (Int) throws -> Value
    /// For reference-typed expressions: the slot of the referenced record, without building
    /// a `Value` (so `unit under js` over a million cadres stays cheap).
    var refSlot: ((Int) throws -> Int?)?
    /// The word itself, for `.word` expressions.
    var word: String?
    /// A number literal as written (`007`), read as a word where an id or text is expected.
    var written: String?
    /// Whether the value is the same for every record (literals, variables, aggregates, `of`),
    /// so it may be computed once while binding.
    var isConstant = false
    /// For an expression over cadres that reads nothing of the cadre but its unit (`unit`,
    /// `unit.level`, `unit.parent`): the slot of the cadre's unit, so a query may compute the
    /// value once per unit (`count cadres by unit.level`).
    var cadreUnit: ((Int) -> Int?)?
    /// Whether the expression is the cadre's unit itself (the word `unit` over cadres).
    var isCadreUnit = false
    /// For a condition over cadres: units outside which it is never true (`unit under X`,
    /// `unit = X`, a conjunction with one of them), so a query need only test their cadres.
    var scope: CadreScope?
    /// Whether the condition is true exactly for the cadres in `scope` (`unit under X`,
    /// `unit = X`), so that a query taking the scope's cadres need not test it at all.
    var scopeDecides = false
    /// For a conjunction with a scope: whether it holds for a cadre known to lie in the scope,
    /// the terms the scope decides left out. nil when no term can be left out.
    var inScope: ((Int) throws -> Bool)?
    /// For a condition: `ValueOperations.truth(evaluate(slot))` without making a `Value`, where
    /// the condition has such a form (comparisons of enumerations, `and`, `not`, rules).
    var test: ((Int) throws -> Bool)?
    /// For an enumeration field: the position of its value in the vocabulary, nil exactly where
    /// `evaluate` gives nothing, so comparisons with a fixed value compare two numbers.
    var ordinal: ((Int) -> Int?)?
    /// `ordinal` for many records at once (-1 for none), for a field of the record itself.
    var ordinals: (([Int]) -> [Int8])?
    /// For a condition that cannot fail: the slots among the given ones (kept in order) for
    /// which it holds, worked out for all of them at once.
    var filter: (([Int]) -> [Int])?
    /// `filter` for cadres known to lie in `scope`, as `inScope` is to `evaluate`.
    var inScopeFilter: (([Int]) -> [Int])?
    /// The value of a constant known while binding (a literal, a word read as a value, a
    /// variable): what `evaluate` gives for every record.
    var literal: Value?

    init(
        _ type: StaticType, _ range: SourceRange, word: String? = nil, refSlot: ((Int) throws -> Int?)? = nil,
        evaluate: @escaping (Int) throws -> Value
    ) {
        self.type = type
        self.range = range
        self.word = word
        self.refSlot = refSlot
        self.evaluate = evaluate
    }

    /// Whether the condition holds for a record: `test`, or the truth of its value.
    var truth: (Int) throws -> Bool {
        if let test { return test }
        let evaluate = evaluate
        return { slot in ValueOperations.truth(try evaluate(slot)) }
    }

    static func constant(_ value: Value, _ type: StaticType, _ range: SourceRange) -> Bound {
        var b = Bound(type, range) { _ in value }
        b.isConstant = true
        b.literal = value
        return b
    }

    /// The value of a constant expression, computed now; an error for one that varies by record.
    func constantValue(_ what: String) throws(Diagnostic) -> Value {
        guard isConstant else {
            throw .error(BindProblem.notFixed(what), at: range)
        }
        do {
            return try evaluate(-1)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw .error(Unclassified("\(error)", phase: .running), at: range)
        }
    }
}
