import CTSDomain

/// What the binder refuses in an expression (names, types), with the text of each message.
/// Types appear as their description ("a number", "a date"); suggestions are the closest
/// valid name, or nil.
///
///     list cadres where rnk >= county
///     // BindProblem.noSuchField(.cadre, "rnk", suggestion: "rank") at 1:19
public enum BindProblem: Problem {
    /// A bare word where a condition should be; `kind` is the records the condition is over.
    case notFieldNorCondition(String, of: EntityKind?, suggestion: String?)
    /// A value of another type where a condition should be.
    case expectedCondition(found: String)
    /// `$name` that no `let` defined.
    case unknownVariable(String, suggestion: String?)
    /// `kind.name` where the kind has no such field.
    case noSuchField(EntityKind, String, suggestion: String?)
    /// `rank.x`: only a reference can be followed.
    case notAReference(String, next: String)
    /// `contains` on something that is not text.
    case containsNeedsText(found: String)
    /// `under` whose left side is not a unit.
    case underNeedsUnit(found: String)
    /// `under` whose right side is not a unit id.
    case expectedUnitAfterUnder(found: String)
    /// An id that names no record of `kind`.
    case unknownRecord(EntityKind, String, suggestion: String?)
    /// A word that is not a value of `vocabulary`.
    case unknownEnumValue(Vocabulary, String, suggestion: String?)
    /// A word where a number, a date or yes/no should be.
    case expectedNumber(found: String)
    case expectedDate(found: String)
    case expectedYesNo(found: String)
    /// `<` on values without order.
    case noOrder(Vocabulary)
    /// Two sides of a comparison whose types do not meet.
    case cannotCompare(String, String)
    /// `what` (an operator, a function) given a value of the wrong type.
    case needsType(String, String, found: String)
    /// An expression where a constant is needed (`what` says where).
    case notFixed(String)
    /// `round()` with the wrong number of arguments.
    case roundArguments
    /// A function name not in the function table (`functions` are the known names).
    case unknownFunction(String, functions: [String])
    /// A one-argument function given `count`.
    case takesOneArgument(String, count: Int)
    /// A function about one cadre used where there is none.
    case aboutOneCadre(String)
    /// `hours()` given something that is no year, period or rule.
    case hoursArgument(found: String)
    /// `applies()`/`compliant()` given something that is no rule id.
    case takesRuleID(String, found: String)
    /// `... of cadre` followed by something that is no id.
    case expectedID(EntityKind)

    public var phase: Phase { .binding }

    public var message: String {
        switch self {
        case .notFieldNorCondition(let word, let kind, let suggestion):
            "'\(word)' is not a field of \(kind.map { withArticle($0.singular) } ?? "this command") and not a condition"
                + Suggestion.hint(suggestion)
        case .expectedCondition(let found): "expected a condition such as rank >= county, found \(found)"
        case .unknownVariable(let name, let suggestion):
            "unknown variable $\(name)\(Suggestion.hint(suggestion.map { "$" + $0 })); "
                + "define it with 'let \(name) = ...'"
        case .noSuchField(let kind, let name, let suggestion):
            "\(kind.singular) has no field '\(name)'\(Suggestion.hint(suggestion))"
        case .notAReference(let name, let next): "'\(name)' is not a reference, so '\(next)' cannot follow it"
        case .containsNeedsText(let found): "'contains' looks inside text, but this is \(found)"
        case .underNeedsUnit(let found):
            "'under' needs a unit on its left (unit, parent, provider, ...), not \(found)"
        case .expectedUnitAfterUnder(let found): "expected a unit id after 'under', found \(found)"
        case .unknownRecord(let kind, let id, let suggestion):
            "unknown \(kind.singular) '\(id)'\(Suggestion.hint(suggestion))"
        case .unknownEnumValue(let vocabulary, let word, let suggestion):
            "unknown \(vocabulary.rawValue) '\(word)'"
                + Suggestion.hint(
                    suggestion, otherwise: "; expected one of \(vocabulary.words.joined(separator: ", "))")
        case .expectedNumber(let found): "expected a number, found '\(found)'"
        case .expectedDate(let found): "expected a date (YYYY-MM-DD), found '\(found)'"
        case .expectedYesNo(let found): "expected yes or no, found '\(found)'"
        case .noOrder(let vocabulary): "\(vocabulary.rawValue) values have no order; use = or != (or 'in (...)')"
        case .cannotCompare(let a, let b): "cannot compare \(a) with \(b)"
        case .needsType(let what, let type, let found): "\(what) needs \(type), not \(found)"
        case .notFixed(let what): "\(what) must be a fixed value, not one that varies by record"
        case .roundArguments: "round() takes a number and, optionally, how many decimals"
        case .unknownFunction(let name, let functions):
            "unknown function '\(name)'\(Suggestion.hint(for: name, in: functions)); "
                + "functions are \(functions.joined(separator: ", "))"
        case .takesOneArgument(let name, let count): "\(name)() takes one argument, not \(count)"
        case .aboutOneCadre(let name):
            "\(name)() is about one cadre: use it in a condition over cadres or as '\(name)(...) of cadre ID'"
        case .hoursArgument(let found):
            "hours() takes a year (2009), a period (2008..2012) or a rule id, not \(found)"
        case .takesRuleID(let name, let found): "\(name)() takes a rule id, not \(found)"
        case .expectedID(let kind): "expected \(withArticle(kind.singular)) id after '\(kind.singular)'"
        }
    }
}
