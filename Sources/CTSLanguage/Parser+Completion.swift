import CTSDomain

/// The parser's completion mode: TAB completion asks the grammar itself what may stand at
/// the cursor, so there is no second grammar to keep in step.
///
/// The text handed in stops where the word being completed starts, so the cursor is the end
/// of the text. The parser reads it as usual; wherever it looks at the end-of-file token
/// there — `checkKeyword`, `expectKeyword`, `expect`, the slots `validate` finds missing,
/// the `offer` calls of rules whose next token is a value — it records what it would have
/// accepted, then parsing ends as it does at any end of text. In normal mode (`completion`
/// nil) each of those costs one nil check.
///
///     Parser.expectation(atEndOf: "list cadres where rank = county ")
///     // [.word("and"), .word("or"), .word("sort"), .word("limit"), .word("columns"), .word("as")]
extension Parser {
    /// What may stand at the end of `text` (the line up to the word at the cursor): the
    /// commands before the last are read and forgotten, the last one records.
    public static func expectation(atEndOf text: String) -> [Expected] {
        var parser = Parser(text: text, fileID: 0)
        parser.completion = CompletionState()
        while parser.nextItem() != nil {}
        return parser.completion?.items ?? []
    }
}

/// What the parser keeps in completion mode (a class: one state shared by the parser's
/// helpers, changed in place through the optional).
final class CompletionState {
    var items: [Expected] = []
    /// Set once an item that excludes everything else (a required slot) is recorded.
    var sealed = false
    /// The command being read.
    var spec: CommandSpec?
    var frame = Frame()
    /// The operand the next expression starts with, when a rule says what it is.
    var role: (position: Int, role: OperandRole)?
    /// Whether the left side of the comparison being read is itself a condition.
    var leftIsCondition = false
    init() {}

    /// What is being read, saved and restored around a part that changes it.
    struct Frame {
        var context = ExpressionContext()
        /// The kind of the option or slot value being read (for `c1,` and `for=(`).
        var valueKind: ValueKind?
        /// Inside a value that completion has nothing for (`parent=(`): record nothing.
        var silent = false
    }
}

/// Where an expression stands, for what completion offers in it: the old completer's
/// distinctions, made where the parser reads the expression.
struct ExpressionContext {
    /// Whose fields the words name; nil where there is no record (`print`, `let`, `assert`).
    var scope: FieldScope?
    /// A condition: `not`, `and`, `or` and the word operators are offered.
    var condition = false
    /// `of` is offered after an operand (`print hours(2009) of cadre c1`).
    var offersOf = false
    /// `of` ends the expression and a collection follows (`stats EXPR of`, `sum(EXPR of`).
    var ofTakesCollection = false

    /// `print`, `let`: a value over no records.
    static let value = ExpressionContext(offersOf: true)
    /// `assert`: a condition over no records.
    static let assertion = ExpressionContext(condition: true, offersOf: true)
    /// `stats EXPR of`: any field, until `of` says whose.
    static let statistic = ExpressionContext(scope: .all, ofTakesCollection: true)
    /// `sum(EXPR of …)`.
    static let aggregated = ExpressionContext(ofTakesCollection: true)

    /// A condition over records of `kind` (`where`, `for=(`, `(cadres where`).
    static func condition(over kind: EntityKind) -> ExpressionContext {
        ExpressionContext(scope: .kind(kind), condition: true)
    }

    /// A value over records of `kind` (`sort`, `columns`, `by`).
    static func value(over kind: EntityKind) -> ExpressionContext {
        ExpressionContext(scope: .kind(kind))
    }

    /// Inside `( … )`: the same records and condition-ness.
    var grouped: ExpressionContext { ExpressionContext(scope: scope, condition: condition) }
    /// A function's argument or an item of `in (…)`: a value over the same records.
    var argument: ExpressionContext { ExpressionContext(scope: scope) }
}

/// What the operand at a position is, when the rule before it says.
enum OperandRole {
    /// The right side of a comparison, or an item of `in (…)`; the left side's field path.
    case compared(String?)
    case under
    case contains
    /// The first argument of this function.
    case argument(String)
}

/// Where a keyword the parser checks for is offered.
enum Offer {
    case always
    /// Only in conditions: `not`, `and`, `or`.
    case inConditions
    /// Only in conditions, after an operand that is not itself a condition: `in`, `contains`, `under`.
    case comparison
    /// Only where `of ENTITY ID` is offered (`print`, `let`, `assert`).
    case entityOf
}

extension Parser {
    // MARK: - Recording

    /// Whether the token `offset` ahead is the cursor.
    @inline(__always) mutating func atCursor(_ offset: Int = 0) -> Bool {
        completion != nil && peek(offset).kind == .endOfFile
    }

    /// Records `item` when the current token is the cursor; `final` when nothing else may be
    /// offered with it (a required slot).
    @inline(__always) mutating func offer(_ item: @autoclosure () -> Expected, final: Bool = false) {
        if completion != nil { offerAtCursor(item(), final: final) }
    }

    @inline(never) private mutating func offerAtCursor(_ item: Expected, final: Bool) {
        guard atCursor() else { return }
        record(item, final: final)
    }

    /// Records `item` (once), unless a final item came first or nothing is offered here.
    mutating func record(_ item: Expected, final: Bool = false) {
        guard let state = completion, !state.sealed, !state.frame.silent else { return }
        if !state.items.contains(item) { completion?.items.append(item) }
        if final { completion?.sealed = true }
    }

    /// The keyword a `checkKeyword` at the cursor looked for, where `offered` says it fits.
    @inline(never) mutating func offerKeyword(_ word: String, _ offered: Offer) {
        guard let state = completion else { return }
        let context = state.frame.context
        switch offered {
        case .always: break
        case .inConditions: guard context.condition else { return }
        case .comparison: guard context.condition, !state.leftIsCondition else { return }
        case .entityOf: guard context.offersOf else { return }
        }
        offer(.word(word))
    }

    // MARK: - Context

    /// The context of the expression being read (completion mode only).
    var context: ExpressionContext { completion?.frame.context ?? ExpressionContext() }

    /// Reads an expression in `context`.
    @inline(__always) mutating func parseExpression(in context: ExpressionContext) throws(Diagnostic) -> Expr {
        let outer = enter(context)
        defer { leave(outer) }
        return try parseExpression()
    }

    /// Reads an expression in a context made from the current one (`{ $0.grouped }`).
    @inline(__always) mutating func parseExpression(derived: (ExpressionContext) -> ExpressionContext)
        throws(Diagnostic) -> Expr
    {
        let outer = enter(derived: derived)
        defer { leave(outer) }
        return try parseExpression()
    }

    /// Enters an expression context; returns what to restore.
    @inline(__always) mutating func enter(_ context: ExpressionContext) -> CompletionState.Frame? {
        enter(derived: { _ in context })
    }

    /// Enters a context made from the current one; returns what to restore.
    @inline(__always) mutating func enter(derived: (ExpressionContext) -> ExpressionContext) -> CompletionState.Frame? {
        guard let outer = completion?.frame else { return nil }
        completion?.frame.context = derived(outer.context)
        return outer
    }

    /// Starts reading a value of `kind` (an option's, or the cadres of `enroll`).
    @inline(__always) mutating func enterValue(_ kind: @autoclosure () -> ValueKind?) -> CompletionState.Frame? {
        guard let outer = completion?.frame else { return nil }
        completion?.frame.valueKind = kind()
        return outer
    }

    /// Starts reading the value of option `key` of the command.
    @inline(__always) mutating func enterOption(_ key: Lexeme) -> CompletionState.Frame? {
        completion == nil ? nil : enterOptionValue(key)
    }

    @inline(never) private mutating func enterOptionValue(_ key: Lexeme) -> CompletionState.Frame? {
        let key = text(of: key).lowercased()
        let kind = completion?.spec?.options.first { $0.key == key }?.kind
        // An unknown option: `validate` refuses the command whatever follows, so offer nothing.
        if kind == nil { completion?.sealed = true }
        return enterValue(kind)
    }

    /// `(` of a value: a condition slot reads a condition over cadres (a rule's `for`); inside
    /// any other, completion offers nothing.
    mutating func enterParenthesizedValue() -> CompletionState.Frame? {
        guard let outer = completion?.frame else { return nil }
        if outer.valueKind == .condition {
            completion?.frame.context = .condition(over: Grammar.conditionKind)
        } else {
            completion?.frame.silent = true
        }
        completion?.frame.valueKind = nil
        return outer
    }

    @inline(__always) mutating func leave(_ outer: CompletionState.Frame?) {
        if let outer { completion?.frame = outer }
    }

    /// Notes the command being read (completion mode).
    @inline(__always) mutating func noteCommand(_ spec: CommandSpec) {
        if let completion { completion.spec = spec }
    }

    /// Forgets what the last command left (completion mode).
    @inline(__always) mutating func beginCommand() {
        guard completion != nil else { return }
        completion?.spec = nil
        completion?.sealed = false
        completion?.frame = CompletionState.Frame()
        completion?.role = nil
    }

    /// Says what the operand about to be read is (completion mode).
    @inline(__always) mutating func expectOperand(_ role: @autoclosure () -> OperandRole) {
        guard completion != nil else { return }
        completion?.role = (position, role())
    }

    /// Notes whether the left side of a comparison is a condition (`(a or b) in …` is not offered).
    @inline(__always) mutating func noteLeftSide(_ left: Expr) {
        guard completion != nil else { return }
        completion?.leftIsCondition = left.isCondition
    }

    // MARK: - What a rule offers

    /// The second words of commands that start with `first`, when the cursor follows it.
    @inline(__always) mutating func offerSubcommands(of first: Lexeme) {
        if completion != nil, atCursor(1) {
            let word = lowercasedText(of: first)
            if !CommandTable.subcommands(of: word).isEmpty { record(.subcommand(of: word)) }
        }
    }

    /// A command's first word, when the cursor starts a command (not after one read to the end).
    @inline(__always) mutating func offerCommand() {
        if completion != nil { offerCommandAtCursor() }
    }

    @inline(never) private mutating func offerCommandAtCursor() {
        guard completion != nil, position == 0 || tokens[position - 1].kind == .endOfCommand else { return }
        offer(.command)
    }

    /// An operand at the cursor: what the rule before it said, else a field or function.
    @inline(__always) mutating func offerOperand() {
        if completion != nil { offerOperandAtCursor() }
    }

    @inline(never) private mutating func offerOperandAtCursor() {
        guard atCursor(), let state = completion else { return }
        let scope = state.frame.context.scope
        if let role = state.role, role.position == position {
            switch role.role {
            case .compared(let path?):
                if case .kind(let kind)? = scope { return offer(.compared(path: path, kind: kind)) }
            case .compared(nil): break
            case .under: return offer(.value(.ref(.unit)))
            case .contains: return
            case .argument(let name): return offer(.firstArgument(of: name, scope: scope))
            }
        }
        offer(.operand(scope))
    }

    /// `of ` at the cursor after an operand: `EXPR of ENTITY ID` takes a singular kind,
    /// except where `of` ends the expression and a collection follows.
    @inline(__always) mutating func offerEntityOf() {
        if completion != nil { offerEntityOfAtCursor() }
    }

    @inline(never) private mutating func offerEntityOfAtCursor() {
        guard completion != nil, !context.ofTakesCollection, atCursor(1), peek().kind == .word,
            text(of: peek()).lowercased() == Grammar.ofKeyword
        else { return }
        for kind in EntityKind.allCases where kind.hasID { record(.word(kind.singular)) }
    }

    /// The value of option `key` at the cursor (after `key=`).
    @inline(__always) mutating func offerOptionValue(_ key: Lexeme) {
        if completion != nil { offerOptionValueAtCursor(key) }
    }

    @inline(never) private mutating func offerOptionValueAtCursor(_ key: Lexeme) {
        guard atCursor(), let spec = completion?.spec, let kind = completion?.frame.valueKind else { return }
        var only: UnitKind?
        switch spec.action {
        case .add(let record), .update(let record), .upsert(let record):
            if case .ref = kind { only = record.field(named: text(of: key).lowercased())?.unitKind }
        default: break
        }
        offer(.value(kind, only: only))
    }

    /// The next item of a list at the cursor (`c1,` or `kinds=off-job,`).
    @inline(__always) mutating func offerListItem(after items: [Argument]) {
        if completion != nil { offerListItemAtCursor(after: items) }
    }

    @inline(never) private mutating func offerListItemAtCursor(after items: [Argument]) {
        guard atCursor(), let kind = completion?.frame.valueKind else { return }
        switch kind {
        case .refs(let k): offer(.value(.ref(k)))
        case .enumList(let v):
            let given = Set(items.compactMap { $0.word?.lowercased() })
            offer(.value(.choice(v.words.filter { !given.contains($0) })))
        default: break
        }
    }

    /// The value of positional slot `index` of the command (enrollment's cadres and course,
    /// the kind of a report), as the only thing that may stand here.
    @inline(__always) mutating func offerSlot(_ index: Int) {
        if completion != nil { offerSlotAtCursor(index) }
    }

    @inline(never) private mutating func offerSlotAtCursor(_ index: Int) {
        guard atCursor(), let slots = completion?.spec?.positionals, index < slots.count else { return }
        offer(.value(slots[index].kind), final: true)
    }

    /// At the cursor after a command's arguments: the slot `validate` finds next (its
    /// values only, when it is required and names a thing), and the options not given.
    @inline(__always) mutating func offerArguments(_ args: Arguments, _ spec: CommandSpec, nameRange: SourceRange) {
        if completion != nil { offerArgumentsAtCursor(args, spec, nameRange: nameRange) }
    }

    @inline(never) private mutating func offerArgumentsAtCursor(
        _ args: Arguments, _ spec: CommandSpec, nameRange: SourceRange
    ) {
        guard atCursor() else { return }
        // The slot the cursor fills is the first k for which the arguments so far are valid
        // against the command's first k slots: `validate` itself assigns arguments to slots
        // (optional keywords skipped when absent), so the rule is not written twice. Required
        // options may still come after the cursor, so none is required here.
        let options = spec.options.map { OptionSlot($0.key, $0.kind) }
        var filled: Int?
        // Each slot takes at most one argument, so fewer slots than arguments never fit.
        for k in min(args.positionals.count, spec.positionals.count)...spec.positionals.count {
            let first = CommandSpec(
                spec.name, spec.action, form: spec.form, group: spec.group, usage: spec.usage,
                summary: spec.summary, example: spec.example, positionals: Array(spec.positionals[..<k]),
                options: options)
            if (try? validate(args, against: first, nameRange: nameRange)) != nil {
                filled = k
                break
            }
        }
        // An unknown option or a word out of place: nothing that follows can make it right.
        guard let filled else { return }
        let index = filled < spec.positionals.count ? filled : nil
        let missing = index.map { spec.positionals[$0] }
        let words = args.positionals.map { $0.word?.lowercased() }
        switch spec.action {
        case .setOption: return offerSetting(index, name: words.first ?? nil)
        case .help:
            if index == 0 { offer(.helpSubject) }
            if index == 1, let first = words.first ?? nil { offer(.subcommand(of: first)) }
            return
        default: break
        }
        let given = Set(args.options.map(\.key.value))
        let keys = spec.options.map(\.key).filter { !given.contains($0) }
        // Right after an optional keyword (`as`), its value must come, and nothing else.
        var afterKeyword = false
        if let i = index, i > 0, case .keyword(let word) = spec.positionals[i - 1].kind, words.last == word {
            afterKeyword = true
        }
        if let slot = missing {
            switch slot.kind {
            case .newID: return offer(.value(slot.kind), final: true)  // a new id: nothing to offer
            case .text, .number, .count, .year, .date, .period, .condition: offer(.value(slot.kind))
            default: offer(.value(slot.kind), final: !slot.optional || afterKeyword)
            }
        }
        if !afterKeyword { for key in keys { offer(.option(key)) } }
    }

    /// `set OPTION VALUE`: the settings, then the values of the one named.
    private mutating func offerSetting(_ index: Int?, name: String?) {
        if index == 0 { offer(.setting) }
        guard index == 1, let name, let setting = CommandTable.settings.first(where: { $0.name == name }),
            case .choice = setting.values
        else { return }
        offer(.value(setting.values))
    }

    /// After a report's arguments: its next argument (alone, when it is required), `by` and
    /// `under` where the report takes them.
    @inline(__always) mutating func offerReportRest(_ kind: ReportKind, arguments: Int, by: Bool, under: Bool) {
        if completion != nil { offerReportRestAtCursor(kind, arguments: arguments, by: by, under: under) }
    }

    @inline(never) private mutating func offerReportRestAtCursor(
        _ kind: ReportKind, arguments: Int, by: Bool, under: Bool
    ) {
        guard atCursor() else { return }
        if arguments < kind.arguments.count {
            let slot = kind.arguments[arguments]
            offer(.value(slot.kind), final: !slot.optional)
        }
        if !kind.groupings.isEmpty && !by { offer(.word("by")) }
        if kind.takesUnder && !under { offer(.word("under")) }
    }

    /// The clauses a query may still take, at the cursor after its collection or a clause.
    @inline(__always) mutating func offerClauses(_ form: CommandForm, seen: Set<String>) {
        if completion != nil { offerClausesAtCursor(form, seen: seen) }
    }

    @inline(never) private mutating func offerClausesAtCursor(_ form: CommandForm, seen: Set<String>) {
        guard atCursor() else { return }
        for clause in Grammar.queryClauses(form) where !seen.contains(clause) { offer(.word(clause)) }
    }
}

extension Expr {
    /// Whether this is a condition (a comparison, `in`, `and`/`or`, `not`), which a word
    /// operator does not take as its left side.
    var isCondition: Bool {
        switch kind {
        case .binary(let op, _, _): ![.add, .subtract, .multiply, .divide].contains(op)
        case .chain(_, let links): links.first.map { $0.op == .and || $0.op == .or } ?? false
        case .isIn, .not: true
        default: false
        }
    }

    /// The word, when this is one (a field or dotted path, as far as the parser knows).
    var plainWord: String? {
        if case .word(let w) = kind { return w }
        return nil
    }
}
