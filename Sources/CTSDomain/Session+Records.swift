// Building records from field values, with every check a field's type implies. `add`, `set`
// and CSV import all come through here, so a value is read the same way wherever it is typed.

extension Session {
    /// A new record of `kind` from named field values. Words for enum fields, ids for reference
    /// fields and text for numbers and dates (as CSV gives them) are all accepted and checked.
    public func makeRecord(_ kind: EntityKind, _ fields: [String: Value]) throws(DomainError) -> Record {
        try makeRecord(kind, FieldValues(fields))
    }

    /// The same from values in the order a command gave them.
    public func makeRecord(_ kind: EntityKind, _ fields: FieldValues) throws(DomainError) -> Record {
        let known = kind.fieldNames
        for (name, _) in fields.entries where !known.contains(name) {
            throw DomainError(
                .noSuchField(kind, field: name, suggestion: Suggestion.closest(to: name, in: known)), field: name)
        }
        return try kind.declaration.makeRecord(fields, in: self)
    }

    /// The record with some fields changed (`E set ID key=value ...`). Ids and keys cannot change.
    public func updating(_ record: Record, with changes: [(String, Value)]) throws(DomainError) -> Record {
        let kind = record.kind
        var fields: [String: Value] = [:]
        for spec in kind.fields { fields[spec.name] = value(of: record, field: spec.name) }
        for (name, value) in changes {
            guard let spec = kind.field(named: name) else {
                let known = kind.fields.filter(\.settable).map(\.name)
                throw DomainError(
                    .noSuchField(kind, field: name, suggestion: Suggestion.closest(to: name, in: known)), field: name)
            }
            guard spec.settable else {
                throw DomainError(.fieldNotSettable(kind, field: name), field: name)
            }
            if value.isNull && !spec.optional {
                throw DomainError(.fieldRequired(kind, field: name), field: name)
            }
            fields[name] = value
        }
        let updated = try makeRecord(kind, fields.filter { !$0.value.isNull })
        // A course keeps the day-hours it was entered with; only fields a user sees can change.
        return kind.declaration.carryingHidden(from: record, into: updated)
    }

    /// The checks that span fields (the declaration's): dates in order, positive hours, no unit
    /// its own ancestor.
    func check(_ record: Record) throws(DomainError) {
        try record.kind.declaration.check(record, in: self)
    }
}

/// Field values by name, in the order they were given (positional fields, then options).
///
/// A record has a handful of fields: finding one by comparing names (most are small strings,
/// compared as two words) costs less than hashing it, and building a record read each field
/// two or three times from a `[String: Value]`, hashing the name every time.
public struct FieldValues: Sendable {
    public private(set) var entries: [(name: String, value: Value)] = []

    public init(minimumCapacity: Int = 0) { entries.reserveCapacity(minimumCapacity) }

    public init(_ values: [String: Value]) {
        entries = values.map { ($0.key, $0.value) }
    }

    /// The value given for a field; setting nil removes it.
    public subscript(name: String) -> Value? {
        get {
            for entry in entries where entry.name == name { return entry.value }
            return nil
        }
        set {
            if let i = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }
}

/// Reads typed fields out of the values given, with errors that name the field.
struct FieldReader {
    let kind: EntityKind
    let values: FieldValues
    let session: Session

    /// The value given for a field, unless it is missing or null.
    private func given(_ name: String) -> Value? {
        guard let v = values[name], !v.isNull else { return nil }
        return v
    }

    private func required(_ name: String) throws(DomainError) -> Value {
        guard let v = given(name) else { throw DomainError(.missingField(kind, field: name), field: name) }
        return v
    }

    private func mismatch(_ name: String, _ expected: String, _ v: Value) -> DomainError {
        DomainError(.wrongType(field: name, expected: expected, found: v), field: name)
    }

    func id() throws(DomainError) -> String {
        let v = try required("id")
        let text = v.description
        // First, so that the message names the character rather than quoting it.
        try Self.checkVisible(text, field: "id")
        guard !text.isEmpty, !Self.hasWhitespace(text) else {
            throw DomainError(.idNotOneWord(text), field: "id")
        }
        return text
    }

    /// Whether text holds a whitespace character. An id is most often ASCII, whose bytes are
    /// checked directly; going through `Character` (grapheme breaking) for every id was a
    /// tenth of the time of `cadre add`.
    static func hasWhitespace(_ text: String) -> Bool {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard ascii else { return text.contains { $0.isWhitespace } }
        return text.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }

    func text(_ name: String) throws(DomainError) -> String {
        let v = try required(name)
        if case .list = v { throw mismatch(name, "text", v) }
        return v.description
    }

    func optionalText(_ name: String) throws(DomainError) -> String? {
        given(name) == nil ? nil : try text(name)
    }

    /// A name, title or text that a record needs: not empty, nor only blanks. (Any other text
    /// is kept as it is, control characters too: the terminal output escapes them.)
    func nonBlankText(_ name: String) throws(DomainError) -> String {
        let text = try text(name)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw DomainError(.blankText(field: name), field: name)
        }
        return text
    }

    /// An id is a word, and no word holds an invisible character: the lexer refuses them
    /// outside strings, and a quoted id may not bring them in.
    private static func checkVisible(_ text: String, field: String) throws(DomainError) {
        // Most text is printable ASCII, checked by its bytes.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) { return }
        if let scalar = text.unicodeScalars.first(where: isInvisible) {
            throw DomainError(.invisibleCharacter(field: field, scalar: scalar), field: field)
        }
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls, DEL
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidi embeddings, overrides, isolates
        default: false
        }
    }

    func number(_ name: String) throws(DomainError) -> Number {
        let v = try required(name)
        switch v {
        case .number(let n) where n.isFinite: return n
        case .text(let s):
            if let n = Number(text: s), n.isFinite { return n }
        default: break
        }
        throw mismatch(name, "a number", v)
    }

    /// Class hours or money: exact, with at most three decimals, and small enough to be stored
    /// exactly (session files keep numbers as doubles).
    func amount(_ name: String) throws(DomainError) -> Number {
        // Arithmetic past the exact range (`days=1e14` is 1e14 × 7.5) gives a double that may
        // still be a whole number of thousandths: read as the decimal it prints as, it is not
        // "too many decimals".
        var n = try number(name)
        if !n.isExact { n = Number(shortestDecimal: n.double) }
        // Also for an exact one: up to 9.2e15 fits in thousandths, but 15 digits is what the
        // message and the reference promise.
        if abs(n.double) >= 1e15 {
            throw DomainError(.amountTooLarge(field: name, n), field: name)
        }
        guard n.isExact else {
            throw DomainError(.tooManyDecimals(field: name, n), field: name)
        }
        guard n.survivesDouble else {
            throw DomainError(.tooManyDigits(field: name, n), field: name)
        }
        return n
    }

    func optionalAmount(_ name: String) throws(DomainError) -> Number? {
        given(name) == nil ? nil : try amount(name)
    }

    func count(_ name: String) throws(DomainError) -> Int {
        let n = try number(name)
        guard let whole = n.integer, whole >= 0, whole < 1_000_000_000_000_000 else {
            throw DomainError(.notACount(field: name, n), field: name)
        }
        return whole
    }

    func optionalCount(_ name: String) throws(DomainError) -> Int? {
        given(name) == nil ? nil : try count(name)
    }

    func year(_ name: String) throws(DomainError) -> Int {
        let n = try number(name)
        guard let year = n.integer, (1...9999).contains(year) else {
            throw DomainError(.notAYear(field: name, n), field: name)
        }
        return year
    }

    func optionalYear(_ name: String) throws(DomainError) -> Int? {
        given(name) == nil ? nil : try year(name)
    }

    func date(_ name: String) throws(DomainError) -> Day {
        let v = try required(name)
        switch v {
        case .date(let d): return d
        case .text(let s):
            if let d = Day(iso: s) { return d }
            throw DomainError(.notADate(field: name, text: s), field: name)
        default: throw mismatch(name, "a date (YYYY-MM-DD)", v)
        }
    }

    func optionalDate(_ name: String) throws(DomainError) -> Day? {
        given(name) == nil ? nil : try date(name)
    }

    func optionalBool(_ name: String) throws(DomainError) -> Bool? {
        guard let v = values[name], !v.isNull else { return nil }
        switch v {
        case .bool(let b): return b
        case .text(let s):
            if let b = Bool(yesNo: s) { return b }
        default: break
        }
        throw mismatch(name, "yes or no", v)
    }

    func enumeration<E: DomainEnum>(_ name: String) throws(DomainError) -> E {
        let v = try required(name)
        return try word(v, name)
    }

    func optionalEnumeration<E: DomainEnum>(_ name: String) throws(DomainError) -> E? {
        guard let v = values[name], !v.isNull else { return nil }
        return try word(v, name)
    }

    private func word<E: DomainEnum>(_ v: Value, _ name: String) throws(DomainError) -> E {
        let text: String
        switch v {
        case .text(let s): text = s
        case .enumeration(let e) where e.vocabulary == E.vocabulary: text = e.description
        default: throw mismatch(name, "one of \(E.vocabulary.words.joined(separator: ", "))", v)
        }
        if let e = E(word: text) { return e }
        let suggestion = Suggestion.closest(to: text, in: E.vocabulary.words)
        throw DomainError(.unknownWord(E.vocabulary, word: text, suggestion: suggestion), field: name)
    }

    /// A reference; `only` restricts a unit reference to units of one kind (`FieldSpec.unitKind`).
    func ref(_ name: String, _ target: EntityKind, only: UnitKind? = nil) throws(DomainError) -> Int {
        let v = try required(name)
        let id: String
        switch v {
        case .text(let text), .ref(_, let text): id = text
        case .number: id = v.description
        default: throw mismatch(name, withArticle("\(target.singular) id"), v)
        }
        guard target == .unit, let only else { return try session.resolve(target, id: id, field: name) }
        return try unit(id, ofKind: only, for: name)
    }

    /// A unit reference that only units of one kind may fill (a course's provider is an
    /// institution); "did you mean" looks only among those units.
    private func unit(_ id: String, ofKind only: UnitKind, for name: String) throws(DomainError) -> Int {
        let allowed = session.units.rows.lazy.compactMap { $0?.kind == only ? $0!.id : nil }
        guard let slot = session.slot(.unit, id: id) else {
            throw DomainError(
                .unknownID(.unit, id: id, suggestion: Suggestion.closest(to: id, in: allowed)), field: name)
        }
        let found = session.units[slot]!.kind
        guard found == only else {
            // A real unit of the wrong kind: most often the locality or department whose school
            // was meant (`js` for `js.ps`). When no id is close, offer the nearest ones in the
            // tree: below the unit, else below its parent, and so on up.
            var suggestions = Suggestion.closest(to: id, in: allowed).map { [$0] } ?? []
            var ancestor: Int? = slot
            while suggestions.isEmpty, let top = ancestor {
                suggestions = session.units.slots.filter {
                    session.units[$0]!.kind == only && session.unit($0, isUnder: top)
                }
                .map { session.units[$0]!.id }.sorted()
                ancestor = session.units[top]!.parent
            }
            throw DomainError(
                .wrongUnitKind(unit: id, is: found, field: name, of: kind, mustBe: only, suggestions: suggestions),
                field: name)
        }
        return slot
    }

    func optionalRef(_ name: String, _ target: EntityKind) throws(DomainError) -> Int? {
        given(name) == nil ? nil : try ref(name, target)
    }

    func period(_ name: String) throws(DomainError) -> Period {
        let v = try required(name)
        switch v {
        case .period(let p): return p
        case .number(let n) where n.integer.map { (1...9999).contains($0) } ?? false:
            return Period(years: n.integer!, n.integer!)!
        case .text(let s):
            let parts = s.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b, let p = Period(years: a, b) {
                return p
            }
            if parts.count == 2, let a = Day(iso: parts[0]), let b = Day(iso: parts[1]), a <= b {
                return Period(first: a, last: b)
            }
            if let y = Int(s), let p = Period(years: y, y) { return p }
        default: break
        }
        throw mismatch(name, "a period such as 2008..2012", v)
    }

    func courseKinds(_ name: String) throws(DomainError) -> [CourseKind]? {
        guard let v = values[name], !v.isNull else { return nil }
        let items: [Value]
        switch v {
        case .list(let list): items = list
        case .text(let s): items = s.split(separator: ",").map { .text(String($0.filter { $0 != " " })) }
        default: items = [v]
        }
        var kinds: [CourseKind] = []
        for item in items {
            let k: CourseKind = try word(item, name)
            if !kinds.contains(k) { kinds.append(k) }
        }
        return kinds
    }
}
