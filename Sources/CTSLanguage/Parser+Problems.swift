import CTSDomain

/// What the parser cannot read, with the text of each message. The parser throws one of these
/// in a `Diagnostic` at the token at fault (a lexer error token is reported as its
/// `LexProblem`).
///
///     Parser.parse("unit ad js.org", fileID: 0)   // .unknownSubcommand("unit", "ad", ...) at 1:6
public enum ParseProblem: Problem {
    /// `expect`/`expectKeyword` failed: `what` is the phrase the caller gave ("expected '='
    /// after the variable name"), `found` the token there, `usage` the command's, when shown.
    case expected(String, found: String, usage: String? = nil)
    /// A line that does not start with a word.
    case expectedCommand(found: String)
    /// `unit ad`: a known first word with an unknown second one.
    case unknownSubcommand(String, String, subcommands: [String])
    /// `unit` alone.
    case needsSubcommand(String, subcommands: [String])
    /// `cadres`: the plural of a kind, typed as if it were a command.
    case collectionAsCommand(String, EntityKind)
    /// A first word that names no command; `candidates` are the command words for the hint.
    case unknownCommand(String, candidates: [String])
    /// `key=` with nothing after it.
    case missingOptionValue(key: String)
    /// A token that cannot start a value.
    case expectedValue(found: String)
    /// A `=` where a value should be: a space before an option's `=`, or a condition that is
    /// not in parentheses.
    case strayEquals
    /// `key=` that the command does not take; `known` are the keys it does take.
    case unknownOption(key: String, command: String, known: [String])
    /// The same option or clause twice (`key=` or `'where'`).
    case optionGivenTwice(key: String)
    case clauseGivenTwice(String)
    /// A required `key=` left out.
    case missingOption(key: String, command: String, usage: String)
    /// A keyword slot (`in`, `to`) that is missing or something else.
    case expectedKeyword(String, found: String?, usage: String)
    /// A positional argument left out.
    case missingArgument(String, command: String, usage: String)
    /// One positional argument too many.
    case unexpectedArgument(String, usage: String)
    /// `enroll (units where ...)`: only cadres can be selected.
    case expectedCadres(found: String, usage: String)
    /// `enroll in k1`: the cadres are left out.
    case missingCadres(command: String, usage: String)
    /// `enroll c1 in`.
    case missingCourse
    /// A token where the command should end (or after an enrollment's options).
    case unexpected(found: String, usage: String)
    /// A word after a query that is no clause; `suggestion` is the closest clause, if any.
    case unexpectedWord(String, suggestion: String?, usage: String)
    /// `limit` without a whole number.
    case expectedLimit(found: String)
    /// `>` or `>>` without a file.
    case missingFileName(append: Bool)
    /// `report` alone.
    case needsReport(reports: [String])
    /// `report nonsense` (a word), `report 42` (something else).
    case unknownReport(String, reports: [String])
    case expectedReport(found: String, reports: [String])
    /// Something after a condition read on its own (`Parser.condition`).
    case expectedEndOfCondition(found: String)
    /// More than `Parser.maxNesting` levels of parentheses or operators.
    case nestedTooDeeply(limit: Int)
    /// More than `Parser.maxListItems` items in one list, or terms joined by one operator.
    case tooManyItems(limit: Int, joinedBy: String?)
    /// `hours() of cadre` with no id.
    case missingIDAfterOf(EntityKind)
    /// A token where a collection should be.
    case expectedCollection(found: String)
    /// `list cadre`, `list widgets`.
    case unknownCollection(String)
    /// A `(` whose command ends before its `)`.
    case neverClosed

    public var phase: Phase { .parsing }

    public var message: String {
        switch self {
        case .expected(let what, let found, let usage): "\(what), found \(found)\(usage.map { "; usage: \($0)" } ?? "")"
        case .expectedCommand(let found): "expected a command, found \(found)"
        case .unknownSubcommand(let word, let sub, let subcommands):
            "unknown command '\(word) \(sub)'\(Suggestion.hint(for: sub, in: subcommands)); "
                + "'\(word)' takes \(subcommands.joined(separator: ", "))"
        case .needsSubcommand(let word, let subcommands):
            "'\(word)' needs one of: \(subcommands.joined(separator: ", "))"
        case .collectionAsCommand(let word, let kind):
            "unknown command '\(word)'; to see \(kind.plural) type 'list \(kind.plural)'"
        case .unknownCommand(let word, let candidates):
            "unknown command '\(word)'\(Suggestion.hint(for: word.lowercased(), in: candidates))"
        case .missingOptionValue(let key): "expected a value after '\(key)='"
        case .expectedValue(let found): "expected a value, found \(found)"
        case .strayEquals:
            "unexpected '='; write an option as key=value with no space before '=', "
                + "and a condition in parentheses, as in for=(rank >= county)"
        case .unknownOption(let key, let command, let known):
            "unknown option '\(key)=' for '\(command)'"
                + (known.isEmpty
                    ? "; '\(command)' takes no options"
                    : Suggestion.closest(to: key, in: known).map { " (did you mean '\($0)='?)" }
                        ?? "; '\(command)' takes \(known.map { $0 + "=" }.joined(separator: ", "))")
        case .optionGivenTwice(let key): "\(key)= is given twice"
        case .clauseGivenTwice(let word): "'\(word)' is given twice"
        case .missingOption(let key, let command, let usage): "'\(command)' needs \(key)=…; usage: \(usage)"
        case .expectedKeyword(let word, let found, let usage):
            "expected '\(word)'\(found.map { ", found '\($0)'" } ?? ""); usage: \(usage)"
        case .missingArgument(let placeholder, let command, let usage):
            "'\(command)' needs \(placeholder); usage: \(usage)"
        case .unexpectedArgument(let text, let usage): "unexpected argument '\(text)'; usage: \(usage)"
        case .expectedCadres(let found, let usage): "expected 'cadres', found '\(found)'; usage: \(usage)"
        case .missingCadres(let command, let usage): "'\(command)' needs the cadres; usage: \(usage)"
        case .missingCourse: "expected a course id after 'in'"
        case .unexpected(let found, let usage): "unexpected \(found); usage: \(usage)"
        case .unexpectedWord(let word, let suggestion, let usage):
            "unexpected '\(word)'\(Suggestion.hint(suggestion)); usage: \(usage)"
        case .expectedLimit(let found): "expected a whole number after 'limit', found \(found)"
        case .missingFileName(let append): "expected a file name after '\(append ? ">>" : ">")'"
        case .needsReport(let reports): "'report' needs one of: \(reports.joined(separator: ", "))"
        case .unknownReport(let word, let reports):
            "unknown report '\(word)'\(Suggestion.hint(for: word, in: reports)); reports are "
                + reports.joined(separator: ", ")
        case .expectedReport(let found, let reports):
            "expected a report, found \(found); reports are \(reports.joined(separator: ", "))"
        case .expectedEndOfCondition(let found): "expected the end of the condition, found \(found)"
        case .nestedTooDeeply(let limit): "expression nested too deeply (more than \(limit) levels)"
        case .tooManyItems(let limit, let op):
            op.map { "more than \(limit) terms joined by '\($0)'; split the command into several" }
                ?? "more than \(limit) items in one list; split the command into several"
        case .missingIDAfterOf(let kind): "expected \(withArticle(kind.singular)) id after 'of \(kind.singular)'"
        case .expectedCollection(let found): "expected a collection (\(Parser.collectionList)), found \(found)"
        case .unknownCollection(let word):
            if let singular = EntityKind(singular: word) {
                "unknown collection '\(word)'\(Suggestion.hint(singular.plural))"
            } else {
                "unknown collection '\(word)'"
                    + Suggestion.hint(
                        Suggestion.closest(to: word, in: EntityKind.allCases.map(\.plural)),
                        otherwise: "; collections are \(Parser.collectionList)")
            }
        case .neverClosed: "this '(' is never closed; add ')' to close it"
        }
    }
}
