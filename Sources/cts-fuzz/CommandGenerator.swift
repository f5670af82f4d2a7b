import CTSDomain
import CTSInterpreter
import CTSLanguage

/// Writes scripts of valid-looking commands: every command of ``CommandTable`` with its
/// positionals and options filled by what their slots accept, and ids drawn from a session (so
/// most references resolve) or new ones (so records get added, then changed and removed).
///
/// Random bytes seldom get past the lexer into the interpreter's deeper checks; these scripts
/// start there, and seed the fuzzer's corpus so that its mutations do too. The same seed gives
/// the same scripts.
///
///     var generator = CommandGenerator(session: harness.base, seed: 7)
///     let script = generator.script(commands: 20)
struct CommandGenerator {
    private var random: SplitMix64
    /// The ids each kind has, with the ones the script added so far.
    private var ids: [EntityKind: [String]] = [:]
    private var nextID = 0

    init(session: Session, seed: UInt64) {
        random = SplitMix64(seed: seed)
        for kind in EntityKind.allCases {
            ids[kind] = session.slots(kind).compactMap { session.id(kind, $0) }
        }
    }

    /// A script of `commands` commands, one a line.
    mutating func script(commands: Int) -> String {
        var lines: [String] = []
        for _ in 0..<commands { lines.append(command()) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One command of the table, chosen at random.
    mutating func command() -> String {
        let spec = CommandTable.all[random.below(CommandTable.all.count)]
        switch spec.form {
        case .arguments: return arguments(spec)
        case .enrollment:
            return "\(spec.name) \(refs(.cadre)) in \(ref(.course))" + (spec.name == "complete" ? completion() : "")
        case .list:
            let kind = collection()
            var text = "list \(kind.plural)" + whereClause(kind)
            if chance(2) { text += " sort \(field(kind))" + (chance(2) ? " desc" : "") }
            if chance(3) { text += " limit \(random.below(5))" }
            if chance(3) {
                text += " columns " + (0...random.below(3)).map { _ in field(kind) }.joined(separator: ", ")
            }
            return text + format()
        case .count:
            let kind = collection()
            return "count \(kind.plural)" + whereClause(kind) + (chance(2) ? " by \(field(kind))" : "") + format()
        case .stats:
            let kind = collection()
            return "stats \(expression(kind)) of \(kind.plural)" + whereClause(kind)
                + (chance(2) ? " by \(field(kind))" : "") + format()
        case .print: return "print \(expression(.cadre)) of cadre \(ref(.cadre))"
        case .report: return report()
        case .letBinding: return "let v\(random.below(3)) = \(random.below(3000))"
        case .echo: return "echo \(text()) $v\(random.below(3))"
        case .assert: return "assert \(condition(.cadre)) of cadre \(ref(.cadre))"
        }
    }

    /// The words of the language as a libFuzzer dictionary (`-dict=`): command words, option
    /// keys, vocabularies, field names, collections, and the punctuation of queries.
    static var dictionary: String {
        var words = Set<String>()
        for spec in CommandTable.all {
            words.formUnion(spec.words)
            for option in spec.options { words.insert(option.key + "=") }
        }
        for vocabulary in Vocabulary.allCases { words.formUnion(vocabulary.words) }
        for kind in EntityKind.allCases {
            words.formUnion(kind.fieldNames)
            words.insert(kind.plural)
        }
        words.formUnion([
            "where", "sort", "desc", "limit", "columns", "as", "by", "of", "in", "from", "under", "and", "or", "not",
            "hours(", "compliant(", "applies(", "count(", "..", "$", "\\", ">", ">>", "<=", ">=", "!=", "\\\"", "\\n",
            "2009-05-11", "2012", "#", ";",
        ])
        // libFuzzer's dictionary syntax: one "word" a line, with `\` and `"` escaped.
        func entry(_ word: String) -> String {
            "\"" + word.map { $0 == "\\" || $0 == "\"" ? "\\\($0)" : String($0) }.joined() + "\"\n"
        }
        return words.sorted().map(entry).joined()
    }

    // MARK: - Commands of positionals and options

    private mutating func arguments(_ spec: CommandSpec) -> String {
        var words = [spec.name]
        for slot in spec.positionals where !slot.optional || chance(2) {
            words.append(value(slot.kind))
        }
        for option in spec.options where option.required || chance(2) {
            words.append("\(option.key)=\(value(option.kind))")
        }
        // Now and then a value where none belongs, or one missing: the checks behind the parser.
        if chance(20) { words.append(value(.text)) }
        if chance(20), words.count > 1 { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// A value of the kind a slot accepts.
    private mutating func value(_ kind: ValueKind) -> String {
        switch kind {
        case .newID(let entity):
            if chance(8) { return ref(entity) }  // a duplicate
            nextID += 1
            let id = "\(entity.rawValue.prefix(1))n\(nextID)"
            ids[entity, default: []].append(id)
            return id
        case .ref(let entity): return ref(entity)
        case .refs(let entity): return refs(entity)
        case .text: return text()
        case .number: return pick(["0", "1", "3", "7.5", "12", "90", "300", "1e3", "-1", "0.25"])
        case .count: return String(random.below(40))
        case .year: return String(2006 + random.below(9))
        case .date: return date()
        case .period: return chance(2) ? "\(2007 + random.below(5))..\(2009 + random.below(5))" : "\(date())..\(date())"
        case .enumeration(let vocabulary): return pick(vocabulary.words)
        case .enumList(let vocabulary):
            return (0...random.below(2)).map { _ in pick(vocabulary.words) }.joined(separator: ",")
        case .yesNo: return pick(["yes", "no"])
        case .condition: return "(\(condition(.cadre)))"
        case .file: return pick(["x.cts", "\"out.csv\"", "/dev/null", "s.ctsdb"])
        case .choice(let words): return pick(words)
        case .keyword(let word): return word
        case .collection: return collection().plural
        case .field(let entity): return field(entity)
        }
    }

    private mutating func completion() -> String {
        (chance(2) ? " hours=\(random.below(400))" : "") + (chance(2) ? " date=\(date())" : "")
    }

    private mutating func report() -> String {
        switch random.below(5) {
        case 0:
            return "report compliance \(ref(.rule))"
                + (chance(2) ? " by \(pick(["unit", "level", "category", "rank"]))" : "")
        case 1:
            return "report budget \(2007 + random.below(4))..\(2010 + random.below(4))"
                + (chance(2) ? " under \(ref(.unit))" : "")
        case 2: return "report inspections" + (chance(2) ? " \(pick(["open", "overdue"]))" : "")
        case 3: return "report courses \(2007 + random.below(4))..\(2010 + random.below(4))"
        default: return "report plan \(2010 + random.below(4))"
        }
    }

    // MARK: - Expressions

    private mutating func whereClause(_ kind: EntityKind) -> String {
        chance(2) ? " where \(condition(kind))" : ""
    }

    /// A condition over records of `kind`: comparisons of its fields, joined by and/or/not.
    private mutating func condition(_ kind: EntityKind, depth: Int = 0) -> String {
        if depth < 2, chance(3) {
            let a = condition(kind, depth: depth + 1), b = condition(kind, depth: depth + 1)
            return chance(4) ? "not (\(a))" : "\(a) \(pick(["and", "or"])) \(b)"
        }
        if kind == .cadre, chance(3) {
            return pick([
                "compliant(\(ref(.rule)))", "applies(\(ref(.rule)))",
                "hours(\(2008 + random.below(5))) > \(random.below(100))",
                "unit under \(ref(.unit))", "hours(\(ref(.rule))) >= \(random.below(600))",
            ])
        }
        let spec = kind.fields[random.below(kind.fields.count)]
        let op = pick(["=", "!=", "<", "<=", ">", ">="])
        return "\(spec.name) \(op) \(literal(spec.type))"
    }

    /// An expression `stats` and `print` can compute over `kind`.
    private mutating func expression(_ kind: EntityKind) -> String {
        if kind == .cadre, chance(2) { return "hours(\(2008 + random.below(5)))" }
        let numeric = kind.fields.filter {
            if case .number = $0.type { true } else if case .count = $0.type { true } else { false }
        }
        return numeric.isEmpty ? "1" : pick(numeric.map(\.name))
    }

    private mutating func literal(_ type: FieldType) -> String {
        switch type {
        case .id, .ref: return ref(type.referredKind ?? .cadre)
        case .text: return text()
        case .number, .count: return String(random.below(500))
        case .year: return String(2006 + random.below(9))
        case .date: return date()
        case .yesNo: return pick(["yes", "no"])
        case .enumeration(let vocabulary): return pick(vocabulary.words)
        case .courseKinds: return pick(Vocabulary.courseKind.words)
        case .period: return "2009..2010"
        case .condition: return text()
        }
    }

    // MARK: - Words

    private mutating func ref(_ kind: EntityKind) -> String {
        let known = ids[kind] ?? []
        if known.isEmpty || chance(16) { return "\(kind.rawValue.prefix(1))zz\(random.below(9))" }  // unknown
        return known[random.below(known.count)]
    }

    private mutating func refs(_ kind: EntityKind) -> String {
        if chance(8) { return "(cadres where \(condition(.cadre)))" }
        return (0...random.below(3)).map { _ in ref(kind) }.joined(separator: ",")
    }

    private mutating func collection() -> EntityKind { pick(EntityKind.allCases) }

    private mutating func field(_ kind: EntityKind) -> String { pick(kind.fieldNames) }

    private mutating func format() -> String {
        chance(4) ? " as \(pick(["table", "csv", "json", "list", "box", "markdown", "html", "bars"]))" : ""
    }

    private mutating func date() -> String {
        let day = 1 + random.below(chance(10) ? 31 : 28)
        let month = 1 + random.below(chance(10) ? 13 : 12)
        return "\(2007 + random.below(7))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    private mutating func text() -> String {
        pick(["\"Training\"", "\"张敏\"", "\"a \\\"quoted\\\" word\"", "\"tab\\there\"", "\"\"", "\"Lǚ Wěi\"", "plain"])
    }

    private mutating func chance(_ oneIn: Int) -> Bool { random.below(oneIn) == 0 }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[random.below(choices.count)] }
}

extension FieldType {
    /// The kind a reference field names.
    var referredKind: EntityKind? {
        if case .ref(let kind) = self { return kind }
        return nil
    }
}
