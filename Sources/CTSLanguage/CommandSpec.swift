import CTSDomain

/// How `help` groups commands.
public enum CommandGroup: String, CaseIterable, Hashable, Sendable {
    case setup, records, queries, reports, session, script

    public var title: String {
        switch self {
        case .setup: "Setting up units, cadres, courses and rules"
        case .records: "Training records, budgets, plans and inspections"
        case .queries: "Queries"
        case .reports: "Reports"
        case .session: "The session"
        case .script: "Scripts"
        }
    }
}

/// What a slot of a command accepts; drives checking, TAB completion and the docs.
public enum ValueKind: Hashable, Sendable {
    /// A new id for a record of this kind.
    case newID(EntityKind)
    /// The id of an existing record.
    case ref(EntityKind)
    /// One or more ids, comma-separated.
    case refs(EntityKind)
    case text
    case number
    case count
    case year
    case date
    case period
    case enumeration(Vocabulary)
    case enumList(Vocabulary)
    case yesNo
    /// A condition in parentheses.
    case condition
    case file
    /// One of a fixed list of words.
    case choice([String])
    /// This exact word (`from`, `in`, `cascade`).
    case keyword(String)
    /// A collection word: `cadres`, `units`, ...
    case collection
    /// The name of a field of the record.
    case field(EntityKind)
}

/// A positional argument of a command.
public struct Slot: Hashable, Sendable {
    /// How usage shows it: `ID`, `"NAME"`, `UNIT`.
    public let placeholder: String
    public let kind: ValueKind
    /// The record field it fills, for record commands.
    public let field: String?
    public let optional: Bool

    public init(_ placeholder: String, _ kind: ValueKind, field: String? = nil, optional: Bool = false) {
        self.placeholder = placeholder
        self.kind = kind
        self.field = field
        self.optional = optional
    }
}

/// A `key=value` option of a command.
public struct OptionSlot: Hashable, Sendable {
    public let key: String
    public let kind: ValueKind
    public let required: Bool

    public init(_ key: String, _ kind: ValueKind, required: Bool = false) {
        self.key = key
        self.kind = kind
        self.required = required
    }
}

/// What a command does; the interpreter dispatches on it.
public enum CommandAction: Hashable, Sendable {
    case add(EntityKind)
    case update(EntityKind)
    /// `budget set` / `plan set`: add the line for (unit, year) or change it.
    case upsert(EntityKind)
    case remove(EntityKind)
    case show(EntityKind)
    case exempt
    case resolveFinding
    case enrollment(EnrollmentAction)
    case list, count, stats, report, print
    case letBinding, echo, assert, include, pause
    case setOption, help, quit
    case save, open, new, dump, importRecords, exportRecords, undo, redo, history, record
    /// `generate province`: fills an empty session with a synthetic province.
    case generate
}

extension CommandAction {
    /// Whether the command changes records (and so produces a change set that undo can take back).
    public var changesRecords: Bool {
        switch self {
        case .add, .update, .upsert, .remove, .exempt, .resolveFinding, .enrollment, .importRecords, .generate: true
        default: false
        }
    }

    /// Whether the command changes the session's records (what `--read-only` refuses),
    /// including through undo and redo. `set today` and `set day-hours` change session
    /// settings, which a read-only session may still change for the run: nothing is written.
    public var changesSession: Bool {
        changesRecords || self == .undo || self == .redo
    }

    var isShow: Bool {
        if case .show = self { return true }
        return false
    }
}

/// How the parser reads a command's arguments.
public enum CommandForm: Hashable, Sendable {
    /// Positional slots and `key=value` options in any order.
    case arguments
    case enrollment
    case list, count, stats, report, print
    case letBinding, echo, assert
}

/// One entry of the command table: everything `help`, TAB completion, the docs and the parser
/// know about a command.
///
/// A class, so that every parsed ``Command`` shares its table entry instead of carrying a
/// copy of it (nine fields, seven of them reference-counted). Its fields never change.
public final class CommandSpec: Hashable, Sendable {
    /// The command's words: `unit add`, `enroll`, `list`.
    public let name: String
    public let action: CommandAction
    public let form: CommandForm
    public let group: CommandGroup
    public let usage: String
    public let summary: String
    public let example: String
    public let positionals: [Slot]
    public let options: [OptionSlot]

    public init(
        _ name: String, _ action: CommandAction, form: CommandForm = .arguments, group: CommandGroup,
        usage: String, summary: String, example: String,
        positionals: [Slot] = [], options: [OptionSlot] = []
    ) {
        self.name = name
        self.action = action
        self.form = form
        self.group = group
        self.usage = usage
        self.summary = summary
        self.example = example
        self.positionals = positionals
        self.options = options
    }

    public var words: [String] { name.split(separator: " ").map(String.init) }

    public static func == (a: CommandSpec, b: CommandSpec) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
