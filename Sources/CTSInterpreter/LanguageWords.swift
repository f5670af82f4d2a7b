import CTSDomain
import CTSLanguage

/// The words of the language by the part they play, read from the tables the parser, `help`
/// and the binder use: what the editor grammars (``TextMateGrammar``, ``VimSyntax``) and the
/// manual page highlight or list, so that none of them keeps a list of its own.
///
/// Each list is in first-seen order with no repeats; a word may be in more than one list
/// (`budget` is a command word and a report, `absent` a command word and an enrollment
/// status): where it stands decides what it is, as it does for the parser.
///
/// ```
/// LanguageWords.commands.first    // "unit"
/// LanguageWords.subcommands       // ["add", "set", "remove", "show", "resolve", "province"]
/// ```
public enum LanguageWords {
    /// The first words of the commands: `unit`, `enroll`, `list`, `quit`.
    public static let commands = CommandTable.firstWords

    /// The first words that take a second one (`unit add`, `generate province`).
    public static let commandsWithSubcommands = commands.filter { !CommandTable.subcommands(of: $0).isEmpty }

    /// The first words that are a whole command (`enroll`, `list`, `report`).
    public static let singleWordCommands = commands.filter { CommandTable.spec($0, nil) != nil }

    /// The second words of commands: `add`, `set`, `remove`, `show`, `resolve`, `province`.
    public static let subcommands = unique(commands.flatMap(CommandTable.subcommands(of:)))

    /// The words that follow a one-word command as its first argument and say what it does:
    /// `report compliance`, `set format`.
    public static func choices(after command: String) -> [String] {
        guard let spec = CommandTable.spec(command, nil), let first = spec.positionals.first,
            case .choice(let words) = first.kind
        else { return [] }
        return words
    }

    /// The one-word commands that take such a choice (`report`, `set`).
    public static let commandsWithChoices = singleWordCommands.filter { !choices(after: $0).isEmpty }

    /// Keywords inside commands: query clauses (`where`, `sort`, `by`, `as`), sort directions,
    /// `and`/`or`/`not`, word operators (`in`, `contains`, `under`), `of`, and the keyword
    /// slots of the command table (`from`, `to`, `cascade`).
    public static let keywords: [String] = {
        var words = [Grammar.whereKeyword]
        for form in [CommandForm.list, .count, .stats] { words += Grammar.queryClauses(form) }
        words += [Grammar.outputKeyword] + Grammar.sortDirections + Grammar.logicalOperators + [Grammar.notKeyword]
        words += Grammar.wordOperators + [Grammar.ofKeyword]
        for spec in CommandTable.all {
            for slot in spec.positionals { if case .keyword(let word) = slot.kind { words.append(word) } }
        }
        return unique(words)
    }()

    /// The keys of `key=value` options in any command: `kind`, `unit`, `hours`, `for`.
    public static let optionKeys = unique(CommandTable.all.flatMap { $0.options.map(\.key) })

    /// The collections queries range over: `units`, `cadres`, `courses`.
    public static let collections = EntityKind.allCases.map(\.plural)

    /// The functions of expressions: `hours`, `compliant`, `count`, `sum`.
    public static let functions = Functions.all.map(\.name)

    /// The words with a fixed meaning wherever a value goes: `today`, `yes`, `no`, `true`, `false`.
    public static let constants = Binder.constantWords

    /// The enum values of the domain (`county`, `leading`, `off-job`), the output formats
    /// (`table`, `csv`), the report filters (`open`, `overdue`) and the values of settings
    /// (`on`, `off`, `auto`, `stop`, `continue`).
    public static let values: [String] = {
        var words = Vocabulary.allCases.flatMap(\.words) + CommandTable.outputFormats + ReportKind.inspectionFilters
        for setting in CommandTable.settings { if case .choice(let choices) = setting.values { words += choices } }
        return unique(words)
    }()

    /// Every word a grammar must know, for the tests that check it does.
    public static var all: [String] {
        unique(
            commands + subcommands + commandsWithChoices.flatMap(choices(after:)) + keywords + optionKeys
                + collections + functions + constants + values)
    }

    private static func unique(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }
}
