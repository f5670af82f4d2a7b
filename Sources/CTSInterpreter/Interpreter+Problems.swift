import CTSDomain
import CTSLanguage

/// What the interpreter refuses while running a command (its arguments, settings, reports,
/// scripts) or while evaluating an expression, with the text of each message. Names and
/// types of expressions are the binder's (`BindProblem`), rules of the domain `DomainError`.
///
///     set errors maybe   // RunProblem.errorsSetting("maybe") at 1:12
public enum RunProblem: Problem {
    /// A command that changes the session, with --read-only.
    case readOnly(command: String)
    /// Removing or renaming a rule that another rule's condition names.
    case ruleNamedInCondition(rule: String, condition: String)
    /// `applies()` cycles.
    case ruleDependsOnItself(rule: String)
    /// An argument that must be a whole number in `lower...upper`.
    case expectedWholeNumber(String, lower: Int, upper: Int)
    /// `as FORMAT`, `set format FORMAT` with an unknown format.
    case unknownFormat(String, formats: [String])
    /// `as chart` on a result without groups.
    case chartNeedsGroups
    /// `as xlsx` without `> FILE`.
    case workbookNeedsFile
    /// `as xlsx >> FILE`.
    case workbookAppend
    /// `bom=yes` on an export that is not csv.
    case bomOnlyForCSV(String)
    case bomValue(String)
    /// `export` to a format it does not write.
    case exportFormat(String, formats: [String])
    /// An `import` option (`as`, `encoding=`, `delimiter=`, `extra=`) with a value it does not take.
    case importOption(String, String, takes: [String])
    /// `delimiter=` on a JSON import.
    case delimiterForJSON
    /// `export WORD` where the word is no collection.
    case unknownCollection(String)
    /// An empty file name.
    case expectedFileName
    /// `record WORD FILE` with a WORD other than `all`.
    case recordUsage(String)
    /// `report K by` / `under` for a report that takes neither.
    case reportTakesNoBy(ReportKind)
    case reportTakesNoUnder(ReportKind)
    /// A report with an argument too few (`missing` names it, as the usage does) or, with
    /// `extra`, one too many.
    case reportArguments(missing: String?, extra: String?, usage: String)
    /// A report argument that is no period or year.
    case expectedPeriod
    /// `report compliance R by X` with an X it cannot group by.
    case complianceGrouping(String, groupings: [String])
    /// `report inspections X` with X neither open nor overdue.
    case inspectionFilter(String, filters: [String])
    /// `assert` whose condition is false; `text` is the assertion's own message.
    case assertionFailed(text: String?)
    /// `help TOPIC` with no such topic.
    case noHelp(String, candidates: [String])
    /// `set NAME VALUE` with a bad value or name.
    case onOff(String, value: String)
    case colorSetting(String)
    case errorsSetting(String)
    case journalSetting(String)
    case widthSetting(String)
    case pagerSetting(String)
    case unknownSetting(String, settings: [String])
    case dayHoursSetting(String)
    case todaySetting(String)
    /// `hours=` and `days=` both given.
    case hoursAndDays
    /// `hours=`, `days=` that is no number.
    case mustBeNumber(String)
    /// `days=` of zero or less.
    case daysNotPositive(Number)
    /// `for=` without parentheses.
    case forNeedsCondition
    /// `for=(... $x ...)`: a rule keeps its condition as written.
    case ruleConditionVariable(String)
    /// `course add`, `rule add` without hours.
    case needsHours(command: String, usage: String)
    /// `budget set UNIT YEAR` with no such budget (or plan).
    case noRecordForYear(unit: String, EntityKind, year: Int)
    /// A date option that is no date.
    case dateOption(String)
    /// `date + n` outside the calendar, or with days that are not whole.
    case notADate(Day, String, days: Number)
    /// Arithmetic past the largest number.
    case tooLarge(Number, String, Number)
    /// A sum (of an aggregate, of `stats`) past the largest number.
    case sumTooLarge
    /// `generate province` in a session that holds records (`held`: "3 units", ...).
    case generateNeedsEmptySession(held: [String])
    /// A command `generate province` wrote that failed: a bug of the generator.
    case generatedCommandFailed(command: String, message: String)

    public var phase: Phase { .running }

    public var message: String {
        switch self {
        case .readOnly(let command): "'\(command)' would change the session, which is read-only (--read-only)"
        case .ruleNamedInCondition(let rule, let condition):
            "rule \(rule) names it in its condition (for=(\(condition))); "
                + "change the rule first ('rule set \(rule) for=(...)')"
        case .ruleDependsOnItself(let rule): "rule \(rule)'s condition depends on itself through applies()"
        case .expectedWholeNumber(let what, let lower, let upper):
            "expected \(what): a whole number from \(lower) to \(upper)"
        case .unknownFormat(let name, let formats):
            "unknown format '\(name)'\(Suggestion.hint(for: name.lowercased(), in: formats)); "
                + "formats are \(formats.joined(separator: ", "))"
        case .workbookNeedsFile: "an xlsx workbook is a file: add '> \"FILE.xlsx\"'"
        case .bomValue(let word): "bom is yes or no, not '\(word)'"
        case .bomOnlyForCSV(let format):
            "bom=yes marks a csv file as UTF-8 for Excel; \(format) has no byte order mark"
        case .workbookAppend: "an xlsx workbook cannot be appended to; use '>' to replace the file"
        case .chartNeedsGroups:
            "a chart needs a result grouped with 'by' (count … by, stats … by, "
                + "report compliance … by) or report budget"
        case .exportFormat(let name, let formats):
            "export writes \(formats.dropLast().joined(separator: ", ")) or \(formats.last!), "
                + "not '\(name)'" + Suggestion.hint(for: name, in: formats)
        case .importOption(let option, let written, let takes):
            "\(option == "as" ? "import reads" : option + "= takes") \(takes.dropLast().joined(separator: ", ")) "
                + "or \(takes.last!), not '\(written)'" + Suggestion.hint(for: written.lowercased(), in: takes)
        case .delimiterForJSON: "delimiter= is for CSV files; a JSON file has none"
        case .unknownCollection(let word):
            "unknown collection '\(word)'"
                + Suggestion.hint(
                    EntityKind(singular: word)?.plural
                        ?? Suggestion.closest(to: word, in: EntityKind.allCases.map(\.plural)))
                + "; collections are \(EntityKind.allCases.map(\.plural).joined(separator: ", "))"
        case .expectedFileName: "expected a file name"
        case .recordUsage(let word):
            "expected 'all' before the file name, not '\(word)' (record FILE, record all FILE, record stop)"
        case .reportTakesNoBy(let kind): "report \(kind.rawValue) does not take 'by'"
        case .reportTakesNoUnder(let kind): "report \(kind.rawValue) does not take 'under'"
        case .reportArguments(let missing?, _, let usage):
            "'\(usage.split(separator: " ").prefix(2).joined(separator: " "))' needs \(missing); usage: \(usage)"
        case .reportArguments(_, let extra?, let usage): "unexpected argument '\(extra)'; usage: \(usage)"
        case .reportArguments(_, _, let usage): "usage: \(usage)"
        case .expectedPeriod: "expected a period such as 2009..2010, or a year"
        case .complianceGrouping(let by, let groupings):
            "report compliance can be grouped by \(groupings.joined(separator: ", ")), not '\(by)'"
                + Suggestion.hint(for: by, in: groupings)
        case .inspectionFilter(let filter, let filters):
            "expected 'open' or 'overdue' after 'report inspections', found '\(filter)'"
                + Suggestion.hint(for: filter, in: filters)
        case .assertionFailed(let text): "assertion failed" + (text.map { ": \($0)" } ?? "")
        case .noHelp(let topic, let candidates):
            "no help for '\(topic)'\(Suggestion.hint(for: topic, in: candidates)); type 'help' for the list of commands"
        case .onOff(let name, let value): "\(name) is on or off, not '\(value)'"
        case .colorSetting(let value): "color is on, off or auto, not '\(value)'"
        case .errorsSetting(let value): "errors is stop or continue, not '\(value)'"
        case .journalSetting(let value): "journal is delete or wal, not '\(value)'"
        case .widthSetting(let value):
            "width is a number of columns from \(Settings.widths.lowerBound) to \(Settings.widths.upperBound), "
                + "or auto, not '\(value)'"
        case .pagerSetting(let value): "pager is on, off or auto, not '\(value)'"
        case .unknownSetting(let name, let settings):
            "unknown setting '\(name)'\(Suggestion.hint(for: name, in: settings)); "
                + "settings are \(settings.joined(separator: ", "))"
        case .dayHoursSetting(let value):
            "day-hours is the number of class hours in a training day (such as 7.5, 6 or 8), not '\(value)'"
        case .todaySetting(let value): "today is a date such as 2010-12-01 (or 'system'), not '\(value)'"
        case .hoursAndDays: "give hours= or days=, not both"
        case .mustBeNumber(let key): "\(key) must be a number"
        case .daysNotPositive(let days): "days must be more than 0, not \(days)"
        case .forNeedsCondition: "for= takes a condition in parentheses, as in for=(rank >= county)"
        case .ruleConditionVariable(let name):
            "a rule's condition is kept as written, so it cannot use $\(name): write the value itself"
        case .needsHours(let command, let usage): "'\(command)' needs hours=N or days=N; usage: \(usage)"
        case .noRecordForYear(let unit, let kind, let year): "\(unit) has no \(kind.singular) for \(year)"
        case .dateOption(let key): "\(key) must be a date written YYYY-MM-DD"
        case .notADate(let day, let op, let days):
            "\(day) \(op) \(days) \(days == 1 ? "day" : "days") is not a date: "
                + (days.integer == nil ? "days must be a whole number" : "dates run from year 1 to 9999")
        case .tooLarge(let p, let op, let q): "\(p) \(op) \(q) is too large to be a number"
        case .sumTooLarge: "the sum of these values is too large to be a number"
        case .generateNeedsEmptySession(let held):
            "generate province fills an empty session, and this one has \(held.joined(separator: ", ")); "
                + "type 'new' first (or 'save' this one)"
        case .generatedCommandFailed(let command, let message):
            "internal error: the generated command '\(command)' failed: \(message)"
        }
    }
}
