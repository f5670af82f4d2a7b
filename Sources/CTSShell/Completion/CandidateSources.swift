import CTSDomain
import CTSInterpreter
import CTSLanguage

/// A keyword-like candidate (a command word, option key, enum value, field, function, file
/// name) before it is matched against what was typed.
struct Word: Equatable {
    var text: String
    var detail: String? = nil
    var appendSpace = true

    init(_ text: String, detail: String? = nil, appendSpace: Bool = true) {
        self.text = text
        self.detail = detail
        self.appendSpace = appendSpace
    }
}

/// Everything that may stand at the cursor, as sources of candidates: what the parser said
/// it would accept there (``Expected``, pure syntax) in the terms the ``Completer`` looks up
/// against the session — words to match, id kinds, a field scope, files, variables.
struct CandidateSources: Equatable {
    var words: [Word] = []
    /// Ids of records of these kinds.
    var ids: [EntityKind] = []
    /// Of the unit ids, only those of units of this kind (after `provider=`: institutions).
    var unitKind: UnitKind?
    /// Field names (and dotted paths), which depend on the part already typed.
    var fields: FieldScope?
    var files = false
    /// `$name` of the variables defined so far.
    var variables = false

    static let none = CandidateSources()

    static func words(_ texts: [String], appendSpace: Bool = true) -> CandidateSources {
        var e = CandidateSources()
        e.add(texts, appendSpace: appendSpace)
        return e
    }

    static func ids(_ kind: EntityKind) -> CandidateSources {
        var e = CandidateSources()
        e.ids = [kind]
        return e
    }

    static var files: CandidateSources {
        var e = CandidateSources()
        e.files = true
        return e
    }

    /// The sources of what the parser expects at the cursor.
    init(_ expected: [Expected]) {
        for item in expected { merge(Self.sources(of: item)) }
    }

    init(words: [Word] = []) {
        self.words = words
    }

    /// What one expected item offers.
    static func sources(of item: Expected) -> CandidateSources {
        switch item {
        case .command: return .words(CommandTable.firstWords)
        case .subcommand(let first): return .words(subcommands[first] ?? [])
        case .word(let word): return .words([word])
        case .symbol("("): return CandidateSources(words: [Word("(", appendSpace: false)])
        case .symbol: return .none
        case .value(let kind, let only):
            var e = values(of: kind)
            if only != nil && e.ids == [.unit] { e.unitKind = only }
            return e
        case .option(let key): return .words([key + "="], appendSpace: false)
        case .operand(let scope): return operands(scope)
        case .compared(let path, let kind):
            return field(path, in: kind).flatMap { values(of: $0) } ?? operands(.kind(kind))
        case .firstArgument(let function, let scope):
            return ruleFunctions.contains(function) ? .ids(.rule) : operands(scope)
        case .setting: return CandidateSources(words: CommandTable.settings.map { Word($0.name, detail: $0.summary) })
        case .helpSubject:
            var e = CandidateSources.words(CommandTable.firstWords)
            e.words += Help.topics.map { Word($0.name, detail: $0.summary) }
            return e
        }
    }

    /// Fields in scope and the functions that make sense there.
    static func operands(_ scope: FieldScope?) -> CandidateSources {
        var e = CandidateSources()
        e.fields = scope
        e.words = functions(in: scope)
        return e
    }

    /// `CommandTable.subcommands(of:)` for every first word, worked out once.
    static let subcommands: [String: [String]] = Dictionary(
        uniqueKeysWithValues: CommandTable.firstWords.map { ($0, CommandTable.subcommands(of: $0)) })

    var isEmpty: Bool { self == .none }

    mutating func add(_ texts: [String], appendSpace: Bool = true) {
        words += texts.map { Word($0, appendSpace: appendSpace) }
    }

    mutating func merge(_ other: CandidateSources) {
        words += other.words
        if other.ids.contains(.unit) {
            // Units of any kind from either side mean units of any kind.
            unitKind = ids.contains(.unit) && unitKind != other.unitKind ? nil : other.unitKind
        }
        for kind in other.ids where !ids.contains(kind) { ids.append(kind) }
        if fields == nil { fields = other.fields }
        files = files || other.files
        variables = variables || other.variables
    }

    // MARK: - Values, fields and functions

    /// What a slot or option of this kind takes, as candidates.
    static func values(of kind: ValueKind) -> CandidateSources {
        switch kind {
        case .ref(let k), .refs(let k): return .ids(k)
        case .enumeration(let v), .enumList(let v): return .words(v.words)
        case .yesNo: return .words(yesNo)
        case .choice(let words): return .words(words)
        case .keyword(let word): return .words([word])
        case .collection: return .words(collections)
        case .field(let k):
            var e = CandidateSources()
            e.fields = .kind(k)
            return e
        case .file: return .files
        case .condition:
            var e = CandidateSources()
            e.words = [Word("(", appendSpace: false)]
            return e
        case .newID, .text, .number, .count, .year, .date, .period:
            return .none
        }
    }

    /// The values a field compares with: enum words, ids of the kind it refers to (only the
    /// institutions for a provider), yes/no.
    static func values(of field: FieldSpec) -> CandidateSources? {
        switch field.type {
        case .enumeration(let v): return .words(v.words)
        case .courseKinds: return .words(Vocabulary.courseKind.words)
        case .ref(let k):
            var e = CandidateSources.ids(k)
            e.unitKind = field.unitKind
            return e
        case .yesNo: return .words(yesNo)
        case .id, .text, .number, .count, .year, .date, .period, .condition: return nil
        }
    }

    /// What the binder reads as yes and no.
    static let yesNo = ["yes", "no"]

    static var collections: [String] { EntityKind.allCases.map(\.plural) }

    /// `hours(`, `compliant(`, ...: every function, with its usage beside it.
    static var functions: [Word] {
        Functions.all.map { Word($0.name + "(", detail: $0.usage, appendSpace: false) }
    }

    /// Functions whose first argument may be a rule id (`hours(RULE)`, `compliant(RULE)`).
    /// They are also the per-cadre functions: a rule is about cadres.
    static let ruleFunctions = Functions.takingRules

    /// The functions that make sense where the records are of `scope`: the per-cadre ones
    /// only over cadres (or where the records are not known yet).
    static func functions(in scope: FieldScope?) -> [Word] {
        guard case .kind(let kind)? = scope, kind != .cadre else { return functions }
        return functions.filter { !ruleFunctions.contains(String($0.text.dropLast())) }
    }

    /// Field names in scope for a partly typed word: `unit.le` → `unit.level`, ...; a
    /// reference field comes twice, as `unit` and as `unit.` (no space: a path goes on).
    static func fieldWords(_ scope: FieldScope, typed prefix: String) -> [Word] {
        switch scope {
        case .all:
            var seen = Set<String>(), words: [Word] = []
            for kind in EntityKind.allCases {
                for field in kind.fields where seen.insert(field.name).inserted { words.append(Word(field.name)) }
            }
            return words
        case .kind(let start):
            var kind = start
            var base = ""
            let parts = prefix.split(separator: ".", omittingEmptySubsequences: false)
            for part in parts.dropLast() {
                guard let field = kind.field(named: part.lowercased()), case .ref(let target) = field.type else {
                    return []
                }
                kind = target
                base += part + "."
            }
            var words: [Word] = []
            for field in kind.fields {
                words.append(Word(base + field.name))
                if case .ref = field.type { words.append(Word(base + field.name + ".", appendSpace: false)) }
            }
            return words
        }
    }

    /// The field a name or dotted path (`unit.level`) of a kind ends at.
    static func field(_ path: String, in start: EntityKind) -> FieldSpec? {
        var kind = start
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            guard let field = kind.field(named: part.lowercased()) else { return nil }
            if i == parts.count - 1 { return field }
            guard case .ref(let target) = field.type else { return nil }
            kind = target
        }
        return nil
    }
}
