import CTSDomain
import CTSInterpreter
import CTSLanguage

/// What may follow the tokens of a command (all of them before the word being completed).
struct Analyzer {
    let view: TokenView
    var n: Int { view.count }

    func analyze() -> Expectation {
        guard n > 0 else { return .words(CommandTable.firstWords) }
        guard view.isWord(0) else { return .none }
        let first = view.lower(0)
        if n >= 2, view.isWord(1), let spec = CommandTable.spec(named: first + " " + view.lower(1)) {
            return command(spec, from: 2)
        }
        if n == 1 {
            var e = Expectation.words(Self.subcommands[first] ?? [])
            if let spec = CommandTable.spec(named: first) { e.merge(command(spec, from: 1)) }
            return e
        }
        if let spec = CommandTable.spec(named: first) { return command(spec, from: 1) }
        return .none
    }

    private func command(_ spec: CommandSpec, from i: Int) -> Expectation {
        switch spec.form {
        case .arguments: return arguments(spec, slots: spec.positionals, from: i)
        case .enrollment: return enrollment(spec, from: i)
        case .list, .count, .stats: return query(spec, from: i)
        case .report: return report(spec, from: i)
        case .print: return expressionCommand(from: i, condition: false, output: true)
        case .assert: return expressionCommand(from: i, condition: true, output: false)
        case .letBinding:
            guard n >= i + 2, view.isSymbol(i + 1, "=") else { return .none }
            return expressionCommand(from: i + 2, condition: false, output: false)
        case .echo: return .none
        }
    }

    // MARK: - Slots and options

    private enum ValueState {
        case complete([String])
        /// A list whose last item is still to come (`c1,` or `off-job,`).
        case openList([String])
        /// A `(` whose `)` is not typed yet; the condition starts at this index.
        case openCondition(Int)
    }

    /// value := atom ("," atom)* | "(" expression ")"   (Parser.parseValue)
    private func value(_ i: inout Int) -> ValueState {
        if view.isSymbol(i, "(") {
            guard let close = view.close(of: i) else { return .openCondition(i + 1) }
            i = close + 1
            return .complete([])
        }
        var items = [view.text(i)]
        i += 1
        while view.isSymbol(i, ",") {
            if i + 1 >= n { return .openList(items) }
            items.append(view.text(i + 1))
            i += 2
        }
        return .complete(items)
    }

    /// Positional slots and `key=value` options in any order (Parser.parseArguments).
    private func arguments(_ spec: CommandSpec, slots: [Slot], from start: Int) -> Expectation {
        var i = start
        var given = Set<String>()
        var positionals: [[String]] = []
        while i < n {
            if view.isWord(i), view.isSymbol(i + 1, "="), view.touchesNext(i) {
                let key = view.lower(i)
                given.insert(key)
                i += 2
                let kind = spec.options.first { $0.key == key }?.kind
                guard let kind else { return .none }
                if i >= n { return optionValues(spec, key, kind) }
                switch value(&i) {
                case .complete: continue
                case .openList(let items): return listContinuation(kind, items)
                case .openCondition(let inner):
                    return kind == .condition ? condition(from: inner, over: .cadre) : .none
                }
            }
            switch value(&i) {
            case .complete(let items): positionals.append(items)
            case .openList(let items):
                let next = nextSlot(slots, positionals)
                return next < slots.count ? listContinuation(slots[next].kind, items) : .none
            case .openCondition: return .none
            }
        }

        let next = nextSlot(slots, positionals)
        let options = Expectation.words(
            spec.options.filter { !given.contains($0.key) }.map { $0.key + "=" },
            appendSpace: false)
        switch spec.action {
        case .setOption: return setting(next, positionals)
        case .help: return help(next, positionals)
        default: break
        }
        guard next < slots.count else { return options }
        let slot = slots[next]
        var e = Expectation.values(of: slot.kind)
        switch slot.kind {
        case .newID:
            return .none
        case .text, .number, .count, .year, .date, .period, .condition:
            e.merge(options)
        default:
            if slot.optional { e.merge(options) }
        }
        return e
    }

    /// What `key=` takes: for a record's field, what the field allows (`provider=`: only
    /// institutions), else what the option's kind allows.
    private func optionValues(_ spec: CommandSpec, _ key: String, _ kind: ValueKind) -> Expectation {
        var e = Expectation.values(of: kind)
        switch spec.action {
        case .add(let record), .update(let record), .upsert(let record):
            if case .ref = kind { e.unitKind = record.field(named: key)?.unitKind }
        default: break
        }
        return e
    }

    /// After `c1,` or `kinds=off-job,`: the next item of a list.
    private func listContinuation(_ kind: ValueKind, _ items: [String]) -> Expectation {
        switch kind {
        case .refs(let k): return .ids(k)
        case .enumList(let v):
            let given = Set(items.map { $0.lowercased() })
            return .words(v.words.filter { !given.contains($0) })
        default: return .none
        }
    }

    /// The slot the next positional argument fills, as Parser.validate assigns them: an
    /// optional keyword slot is skipped when its word is not there.
    private func nextSlot(_ slots: [Slot], _ positionals: [[String]]) -> Int {
        var a = 0, s = 0
        while s < slots.count {
            if a == positionals.count { return s }
            if case .keyword(let word) = slots[s].kind, slots[s].optional, positionals[a].first?.lowercased() != word {
                s += 1
                continue
            }
            a += 1
            s += 1
        }
        return slots.count
    }

    /// `set OPTION VALUE`: the settings, then the values of the one named.
    private func setting(_ next: Int, _ positionals: [[String]]) -> Expectation {
        if next == 0 {
            var e = Expectation()
            e.words = CommandTable.settings.map { Word($0.name, detail: $0.summary) }
            return e
        }
        guard next == 1, let name = positionals.first?.first?.lowercased(),
            let setting = CommandTable.settings.first(where: { $0.name == name })
        else { return .none }
        if case .choice = setting.values { return .values(of: setting.values) }
        return .none
    }

    /// `help [COMMAND|TOPIC] [SUBCOMMAND]`.
    private func help(_ next: Int, _ positionals: [[String]]) -> Expectation {
        if next == 0 {
            var e = Expectation.words(CommandTable.firstWords)
            e.words += Help.topics.map { Word($0.name, detail: $0.summary) }
            return e
        }
        guard next == 1, let first = positionals.first?.first?.lowercased() else { return .none }
        return .words(Self.subcommands[first] ?? [])
    }

    /// `CommandTable.subcommands(of:)` for every first word, worked out once.
    static let subcommands: [String: [String]] = Dictionary(
        uniqueKeysWithValues: CommandTable.firstWords.map { ($0, CommandTable.subcommands(of: $0)) })

    // MARK: - Enrollment

    /// VERB (ids | "(" COLLECTION "where" expression ")") "in" COURSE options   (Parser.parseEnrollment)
    private func enrollment(_ spec: CommandSpec, from start: Int) -> Expectation {
        guard spec.positionals.count == 3, case .keyword(let keyword) = spec.positionals[1].kind else { return .none }
        let who = spec.positionals[0].kind, course = spec.positionals[2].kind
        var i = start
        if i >= n { return .values(of: who) }
        if view.isSymbol(i, "(") {
            if let close = view.close(of: i) {
                i = close + 1
            } else {
                guard case .refs(let kind) = who else { return .none }
                let j = i + 1
                if j >= n { return .words([kind.plural]) }
                guard view.isWord(j, kind.plural) else { return .none }
                if j + 1 >= n { return .words([Grammar.whereKeyword]) }
                guard view.isWord(j + 1, Grammar.whereKeyword) else { return .none }
                return condition(from: j + 2, over: kind)
            }
        } else {
            switch value(&i) {
            case .complete: break
            case .openList(let items): return listContinuation(who, items)
            case .openCondition: return .none
            }
        }
        if i >= n { return .words([keyword]) }
        guard view.isWord(i, keyword) else { return .none }
        i += 1
        if i >= n { return .values(of: course) }
        return arguments(spec, slots: [], from: i + 1)
    }
}
