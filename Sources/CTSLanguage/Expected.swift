import CTSDomain

/// Whose fields an expression at the cursor names.
public enum FieldScope: Hashable, Sendable {
    /// The fields of one kind, and dotted paths through its references (`unit.level`).
    case kind(EntityKind)
    /// Any field of any kind: before `stats … of COLLECTION` says which.
    case all
}

/// One thing the parser would accept at the cursor: what TAB completion offers is made
/// from a list of these (``Parser/expectation(atEndOf:)``). Pure syntax: which ids exist,
/// which files, which functions take a rule is for the completer to look up.
///
///     Parser.expectation(atEndOf: "exempt c1 ")   // [.value(.keyword("from"))]
public enum Expected: Hashable, Sendable {
    /// The first word of a command.
    case command
    /// The second word of the commands that start with this word (`unit` → add, set, …).
    case subcommand(of: String)
    /// This word: a keyword the grammar checks for here (`where`, `and`, `as`, `of`, `in`)
    /// or a word a rule reads by name (a sort direction, an entity after `of`).
    case word(String)
    /// This symbol, which `expect` needs next (`(` after `in`).
    case symbol(String)
    /// A value of this kind, as a slot or option takes it: ids, enum words, a file, a
    /// condition's `(`; `only` restricts unit ids to units of that kind (a provider).
    case value(ValueKind, only: UnitKind? = nil)
    /// `key=` of an option of the command not given yet.
    case option(String)
    /// An operand of an expression: a field (or dotted path) in scope, a function, a value.
    case operand(FieldScope?)
    /// The right side of a comparison, or an item of `in (…)`, whose left side is the field
    /// path `path` of records of `kind`: the values that field takes, else any operand.
    case compared(path: String, kind: EntityKind)
    /// The first argument of a call of `function` (a rule, for functions that take one),
    /// else any operand in `scope`.
    case firstArgument(of: String, scope: FieldScope?)
    /// The name of a setting (`set `).
    case setting
    /// What `help` takes: a command's first word or a help topic.
    case helpSubject
}
