import CTSDomain
import CTSLanguage

/// Runs parsed commands against a session.
///
/// Each command either completes, returning its effects, or throws a ``Diagnostic`` (or
/// ``Interrupted``) and leaves the session exactly as it was: every mutating command collects
/// its changes in a ``ChangeSet`` and reverts them if anything fails part-way.
///
///     let interpreter = Interpreter(files: files, systemToday: today)
///     for case .command(let c) in Parser.parse(text, fileID: id) { try interpreter.execute(c) }
public final class Interpreter {
    public let files: SourceFiles
    public private(set) var session = Session()
    public var settings = Settings()
    public var variables: [String: Value] = [:]
    /// The date `today` means when `set today` has not fixed it.
    public var systemToday: Day
    /// Refuse every command that would change the session (`--read-only`).
    public var readOnly = false
    /// The most cadres `generate province` may make: ``ProvinceGenerator/maxCadres``, less where
    /// a big province would only waste time (the fuzzer's inputs).
    public var maxGeneratedCadres = ProvinceGenerator.maxCadres
    /// Asked at safe points in long loops; true makes the command stop with ``Interrupted``.
    public var interruptRequested: () -> Bool = { false }
    /// The session file's journal mode (`wal` or `delete`) for `set` to show, asked of the
    /// shell, which owns the file; nil without one.
    public var sessionFileJournal: () -> String? = { nil }

    /// Change sets of the commands that can be undone, oldest first, and of those undone.
    public internal(set) var undoStack: [UndoStep] = []
    public internal(set) var redoStack: [UndoStep] = []
    /// How many commands `undo` can take back; older ones are forgotten, in halves, so that
    /// a script of a million commands does not keep a million change sets.
    static let undoLimit = 2000

    /// Change sets applied (commands, undos, imports) since the session was last saved or opened.
    public internal(set) var unsavedChanges = 0

    /// While a transaction is open: the change sets applied since it began, in order (or only
    /// the slots they touched, see ``ChangeLog``), and the undo and redo stacks as they were, so
    /// that `rollback()` can put everything back.
    var journal: (changes: ChangeLog, undo: [UndoStep], redo: [UndoStep])?
    /// Counts the transactions begun, and the sessions a `new` or `open` put in one: a place in
    /// ``transactionChanges`` means the same change set only while this stays the same (the
    /// shell's session file counts what it wrote of them so).
    public internal(set) var transactionNumber = 0
    /// Set when `new` or `open` replaced the session inside a transaction: what came before
    /// cannot be rolled back.
    var journalBroken = false

    /// Compiled `for` conditions of rules, by rule slot, with the text they were compiled from.
    var ruleConditions: [Int: (source: String, bound: Bound)] = [:]
    private var rulesBeingBound: Set<Int> = []
    /// The source file of each condition compiled, by its name (`<rule r1>`).
    private var conditionFiles: [String: Int] = [:]

    public init(files: SourceFiles, systemToday: Day) {
        self.files = files
        self.systemToday = systemToday
    }

    public var today: Day { session.settings.today ?? systemToday }

    /// Runs one command.
    public func execute(_ command: Command) throws -> [Effect] {
        var effects: [Effect] = []
        _ = try execute(command) {
            effects.append($0); return true
        }
        return effects
    }

    /// Runs one command and hands its effects to `perform`, in order, until it returns false;
    /// whether it never did. A command with one effect (every record command) hands it over
    /// as it is, with no array made for it (an allocation and a release for every line of a
    /// big script).
    public func execute(_ command: Command, perform: (Effect) -> Bool) throws -> Bool {
        try checkInterrupt(0)
        if readOnly, command.spec.action.changesSession {
            throw Diagnostic.error(RunProblem.readOnly(command: command.spec.name), at: command.nameRange)
        }
        switch try effects(of: command) {
        case .one(let effect): return perform(effect)
        case .many(let effects):
            for effect in effects where !perform(effect) { return false }
            return true
        }
    }

    /// What a command gives: mostly one effect, for some none or several.
    private enum Effects {
        case one(Effect)
        case many([Effect])
    }

    private func effects(of command: Command) throws -> Effects {
        switch command.spec.action {
        case .add, .update, .upsert, .remove, .exempt, .resolveFinding, .enrollment, .generate:
            return .one(try mutate(command))
        case .show(let kind): return .one(try show(kind, command))
        case .list, .count, .stats, .print: return .one(try query(command))
        case .report: return .one(try report(command))
        case .setOption where settingName(command).map(CommandTable.sessionSettings.contains) ?? false:
            return .one(try mutate(command))
        case .letBinding, .echo, .assert, .include, .pause, .setOption, .help, .quit:
            return .many(try scriptCommand(command))
        case .new:
            return .one(.newSession)
        case .undo, .redo:
            return .many(try undoRedo(command))
        case .history:
            guard case .simple(let args) = command.body else { return .many([]) }
            let limit =
                try args.positionals.first.map { (arg) throws(Diagnostic) in
                    try wholeNumber(arg, in: 1...1_000_000, "how many entries to list")
                } ?? 20
            return .one(.history(limit: limit))
        case .save, .open, .dump, .importRecords, .exportRecords:
            return .one(try sessionCommand(command))
        case .record:
            return .one(try recordRequest(command))
        }
    }

    /// The setting a `set` command names, lowercased. `today` and `day-hours` are session
    /// state (``CommandTable/sessionSettings``): they go through a change set, like records.
    /// Under `--read-only` they may still change, for this run only: they change how the
    /// session answers (a report "as of" a day), never what it holds.
    private func settingName(_ command: Command) -> String? {
        guard command.spec.action == .setOption, case .simple(let args) = command.body,
            let first = args.positionals.first
        else { return nil }
        return (try? value(of: first))?.description.lowercased()
    }

    /// Checks for Ctrl-C every 4096 steps of a loop.
    func checkInterrupt(_ step: Int) throws {
        if step & 4095 == 0, interruptRequested() { throw Interrupted() }
    }

    // MARK: - Changes

    /// Runs a mutating command with rollback: on any error, its partial changes are reverted.
    private func mutate(_ command: Command) throws -> Effect {
        var changes = ChangeSet()
        do {
            let message = try applyChange(command, &changes)
            if case .remove = command.spec.action { try checkRulesAfterRemoval(command) }
            if !changes.isEmpty {
                journal?.changes.append(changes)
                undoStack.append(UndoStep(label: undoName(command, message), changes: changes))
                if undoStack.count > Self.undoLimit { undoStack.removeFirst(undoStack.count - Self.undoLimit / 2) }
                if !redoStack.isEmpty { redoStack.removeAll() }
                unsavedChanges += 1
                // A compiled rule condition holds the slots of the ids it names (once a record is
                // removed, its slot may go to another) and the compiled conditions of the rules it
                // uses through applies(): after a removal or a rule change, compile them afresh.
                if changes.removesOrTouchesRules {
                    ruleConditions = [:]
                }
            }
            return message
        } catch {
            session.revert(changes)
            throw error
        }
    }

    private func undoRedo(_ command: Command) throws -> [Effect] {
        guard case .simple(let args) = command.body else { return [] }
        let n =
            try args.positionals.first.map { (arg) throws(Diagnostic) in
                try wholeNumber(arg, in: 1...1_000_000, "how many commands")
            } ?? 1
        let undo = command.spec.action == .undo
        var done: [String] = []
        for _ in 0..<n {
            if undo {
                guard let last = undoStack.popLast() else { break }
                session.revert(last.changes)
                journal?.changes.append(ChangeSet(last.changes.reversed().map(\.inverse)))
                redoStack.append(last)
                done.append(last.name)
            } else {
                guard let last = redoStack.popLast() else { break }
                session.apply(last.changes)
                journal?.changes.append(last.changes)
                undoStack.append(last)
                done.append(last.name)
            }
            unsavedChanges += 1
        }
        ruleConditions = [:]
        if done.isEmpty { return [.text(undo ? "nothing to undo" : "nothing to redo")] }
        return [.confirmation("\(undo ? "undid" : "redid"): \(done.joined(separator: "; "))")]
    }

    /// What `undo` calls a command's step: `set day-hours 8` as typed, others by their
    /// confirmation ("added cadre c1"), whose text is made only if the step is taken back.
    func undoName(_ command: Command, _ effect: Effect) -> ConfirmationText {
        if case .setOption = command.spec.action, case .simple(let args) = command.body,
            let words = try? args.positionals.map({ (a) throws(Diagnostic) in try value(of: a).description })
        {
            return ConfirmationText(text: "set \(words.joined(separator: " "))")
        }
        return Self.summary(of: effect)
    }

    /// What a command's confirmation says, for `undo`'s "undid: ..." line.
    static func summary(of effect: Effect) -> ConfirmationText {
        switch effect {
        case .confirmation(let confirmation): confirmation
        case .text(let text): ConfirmationText(text: text)
        default: "a change"
        }
    }

    /// Records changes made outside a command of the interpreter (a CSV import the shell read)
    /// as one undoable step named `name`, part of the open transaction.
    public func recordChanges(_ changes: ChangeSet, name: String) {
        guard !changes.isEmpty else { return }
        journal?.changes.append(changes)
        undoStack.append(UndoStep(name: name, changes: changes))
        if undoStack.count > Self.undoLimit { undoStack.removeFirst(undoStack.count - Self.undoLimit / 2) }
        redoStack.removeAll()
        unsavedChanges += 1
        ruleConditions = [:]
    }

    /// Replaces the whole session (`new`, `open`): nothing to undo before it.
    public func replaceSession(_ newSession: Session) {
        if journal != nil {
            // What came before cannot be taken back any more; what follows still can.
            journal = ([], [], [])
            journalBroken = true
            transactionNumber += 1
        }
        session = newSession
        ruleConditions = [:]
        undoStack = []
        redoStack = []
        unsavedChanges = 0
    }

    /// The session as it is now is where the user starts (the demo province): nothing to undo
    /// or redo, and with `saved`, nothing unsaved either.
    public func makeStartingPoint(saved: Bool) {
        undoStack = []
        redoStack = []
        if saved { unsavedChanges = 0 }
    }

    /// The session as it is now is in its file (written whole, or its changes written): nothing
    /// is unsaved.
    public func markSaved() {
        unsavedChanges = 0
    }

    // MARK: - Rules

    /// A rule's condition names records by their ids (`unit under nj`); removing one of them
    /// would leave the rule unusable, so the removal is refused (and reverted by the caller).
    private func checkRulesAfterRemoval(_ command: Command) throws(Diagnostic) {
        ruleConditions = [:]
        for rule in session.rules.slots {
            let r = session.rules[rule]!
            do {
                _ = try compileCondition(r.condition, name: "<rule \(r.id)>")
            } catch {
                throw .error(
                    RunProblem.ruleNamedInCondition(rule: r.id, condition: r.condition), at: command.range,
                    notes: [error.message])
            }
        }
    }

    /// Compiles a rule's (changed) condition now, with no compiled condition reused, so that a
    /// cycle through applies() is refused by the command that would make it.
    func checkRuleCondition(_ rule: Int, at use: SourceRange) throws(Diagnostic) {
        ruleConditions = [:]
        _ = try ruleCondition(rule, at: use)
    }

    /// The compiled `for` condition of a rule, compiled again when its text changed.
    func ruleCondition(_ rule: Int, at use: SourceRange) throws(Diagnostic) -> Bound {
        let r = session.rules[rule]!
        if let cached = ruleConditions[rule], cached.source == r.condition { return cached.bound }
        guard rulesBeingBound.insert(rule).inserted else {
            throw .error(RunProblem.ruleDependsOnItself(rule: r.id), at: use)
        }
        defer { rulesBeingBound.remove(rule) }
        let bound = try compileCondition(r.condition, name: "<rule \(r.id)>")
        ruleConditions[rule] = (r.condition, bound)
        return bound
    }

    /// Parses and binds condition text over cadres (a rule's `for`).
    ///
    /// The text becomes a source file (for its diagnostics) once: every removal compiles every
    /// rule again, and a file added each time would keep a copy per rule per removal.
    func compileCondition(_ text: String, name: String) throws(Diagnostic) -> Bound {
        let fileID: Int
        if let known = conditionFiles[name], files[known].text == text {
            fileID = known
        } else {
            fileID = files.add(name: name, text: text)
            conditionFiles[name] = fileID
        }
        let expression = try Parser.condition(text, fileID: fileID).expression
        return try Binder(interpreter: self, kind: .cadre).condition(expression)
    }

    // MARK: - Arguments

    /// The value an argument stands for; variables are looked up now.
    func value(of argument: Argument) throws(Diagnostic) -> Value {
        switch argument.kind {
        case .word(let w): return .text(w)
        case .string(let s): return .text(s)
        case .number(let n): return .number(n)
        case .date(let d): return .date(d)
        case .period(let p): return .period(p)
        case .variable(let name):
            guard let v = variables[name] else {
                throw .error(BindProblem.unknownVariable(name, suggestion: nil), at: argument.range)
            }
            return v
        case .list(let items):
            var values: [Value] = []
            for item in items { values.append(try value(of: item)) }
            return .list(values)
        case .condition(_, let source): return .text(source)
        }
    }

    /// The value of an argument that stands for an id or text: like ``value(of:)``, except that
    /// a number is its text as written (`007` stays `007`, `1e3` stays `1e3`; spec §1).
    func wordValue(of argument: Argument) throws(Diagnostic) -> Value {
        switch argument.kind {
        case .number:
            if let written = argument.written { return .text(written) }
        case .list(let items):
            var values: [Value] = []
            for item in items { values.append(try wordValue(of: item)) }
            return .list(values)
        default:
            break
        }
        return try value(of: argument)
    }

    /// An argument as text (an id, a path, a name): see ``wordValue(of:)``.
    func text(of argument: Argument) throws(Diagnostic) -> String {
        // A word (an id, nearly always) is its own text: no `Value` made and taken apart.
        if case .word(let word) = argument.kind { return word }
        return try wordValue(of: argument).description
    }

    /// A whole number argument within `range`, or an error saying what was expected.
    func wholeNumber(_ argument: Argument, in range: ClosedRange<Int>, _ what: String) throws(Diagnostic) -> Int {
        if case .number(let n) = try value(of: argument), let whole = n.integer, range.contains(whole) {
            return whole
        }
        throw .error(
            RunProblem.expectedWholeNumber(what, lower: range.lowerBound, upper: range.upperBound), at: argument.range)
    }

    /// An argument that names a record of `kind`, resolved to its slot.
    func slot(_ kind: EntityKind, _ argument: Argument) throws(Diagnostic) -> Int {
        try slot(kind, id: try text(of: argument), at: argument.range)
    }

    /// The slot of the record of `kind` with this id; the error is placed at `range`.
    func slot(_ kind: EntityKind, id: String, at range: SourceRange) throws(Diagnostic) -> Int {
        if let slot = session.slot(kind, id: id) { return slot }
        let suggestion = session.ids(kind).flatMap { Suggestion.closest(to: id, in: $0) }
        throw .error(BindProblem.unknownRecord(kind, id, suggestion: suggestion), at: range)
    }

    /// A domain error placed on the argument it is about.
    func diagnostic(_ error: DomainError, _ command: Command, _ args: Arguments?) -> Diagnostic {
        var range = command.range
        if let field = error.field, let args {
            if let option = args.option(field) ?? (field == "hours" ? args.option("days") : nil) {
                range = option.value.range
            } else if let index = command.spec.positionals.firstIndex(where: { $0.field == field }),
                index < args.positionals.count
            {
                range = args.positionals[index].range
            }
        }
        return .error(error, at: range)
    }
}

/// One step `undo` can take back: a command's changes to records and session settings.
public struct UndoStep: Sendable {
    /// The step's name, made when it is read (`undo`'s "undid: ..." line).
    var label: ConfirmationText
    public var changes: ChangeSet

    public var name: String {
        get { label.text }
        set { label = ConfirmationText(text: newValue) }
    }

    public init(name: String, changes: ChangeSet) {
        self.init(label: ConfirmationText(text: name), changes: changes)
    }

    init(label: ConfirmationText, changes: ChangeSet) {
        self.label = label
        self.changes = changes
    }
}
