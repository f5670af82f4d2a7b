import CTSDomain
import CTSLanguage

/// Compiles an expression against the records it ranges over (`kind`), resolving every word
/// once: fields and dotted paths to readers, enum words to values, ids to slots. Every mistake
/// a user can make in an expression is found here, before any record is read, with its range.
struct Binder {
    let interpreter: Interpreter
    /// The kind of the current record, or nil where there is none (`let`, `print`, `assert`).
    let kind: EntityKind?
    /// How many records the query is about to evaluate what this binder bound over: set by
    /// the query before each pass, read by caches that choose how to work (`hours(RULE)`).
    var scan = ScanSize()

    var session: Session { interpreter.session }

    func bind(_ expr: Expr) throws(Diagnostic) -> Bound {
        let range = expr.range
        switch expr.kind {
        case .number(let n):
            var b = Bound.constant(.number(n), .number, range)
            b.written = expr.written
            return b
        case .string(let s): return .constant(.text(s), .text, range)
        case .date(let d): return .constant(.date(d), .date, range)
        case .period(let p): return .constant(.period(p), .period, range)
        case .variable(let name): return try bindVariable(name, range)
        case .word(let word): return try bindWord(word, range)
        case .negate(let operand):
            let inner = try expect(try bind(operand), .number, "'-'")
            return Bound(.number, range) { slot in
                guard case .number(let n) = try inner.evaluate(slot) else { return .null }
                return .number(-n)
            }
        case .not(let operand):
            let inner = try condition(operand)
            let holds = inner.truth
            var bound = Bound(.bool, range) { slot in .bool(!(try holds(slot))) }
            bound.test = { slot in !(try holds(slot)) }
            return bound
        case .binary(let op, let l, let r): return try bindBinary(op, l, r, range)
        case .chain(let first, let links): return try bindChain(first, links, range)
        case .isIn(let l, let items): return try bindIn(l, items, range)
        case .call(let name, let args): return try bindCall(name, args, range)
        case .aggregate(let aggregate): return try bindAggregate(aggregate, range)
        case .of(let inner, let target, let id): return try bindOf(inner, target, id, range)
        }
    }

    /// Binds an expression that must be a condition.
    func condition(_ expr: Expr) throws(Diagnostic) -> Bound {
        let bound = try bind(expr)
        switch bound.type {
        case .bool, .unknown: return bound
        case .word:
            let word = bound.word ?? ""
            throw .error(
                BindProblem.notFieldNorCondition(word, of: kind, suggestion: fieldSuggestion(word)), at: bound.range)
        default:
            throw .error(BindProblem.expectedCondition(found: bound.type.description), at: bound.range)
        }
    }

    /// The field of the records bound over closest to `word`, if any.
    private func fieldSuggestion(_ word: String) -> String? {
        guard let kind else { return nil }
        return Suggestion.closest(to: word, in: kind.fields.map(\.name))
    }

    // MARK: - Words and variables

    private func bindVariable(_ name: String, _ range: SourceRange) throws(Diagnostic) -> Bound {
        guard let value = interpreter.variables[name] else {
            let suggestion = Suggestion.closest(to: name, in: interpreter.variables.keys)
            throw .error(BindProblem.unknownVariable(name, suggestion: suggestion), at: range)
        }
        switch value {
        case .text(let s):
            var b = Bound(.word, range, word: s) { _ in value }
            b.isConstant = true
            return b
        case .number: return .constant(value, .number, range)
        case .date: return .constant(value, .date, range)
        case .bool: return .constant(value, .bool, range)
        case .period: return .constant(value, .period, range)
        case .enumeration(let e): return .constant(value, .enumeration(e.vocabulary), range)
        case .ref(let k, let id):
            guard let slot = session.slot(k, id: id) else { return .constant(.text(id), .word, range) }
            var b = Bound(.ref(k), range, refSlot: { _ in slot }, evaluate: { _ in value })
            b.isConstant = true
            return b
        case .null: return .constant(value, .unknown, range)
        case .list: return .constant(value, .list, range)
        }
    }

    /// The words ``bindWord(_:_:)`` reads as constants wherever a field is not meant, for the
    /// editor grammars to highlight (keep it in step with the switch there).
    static let constantWords = ["today", "yes", "true", "no", "false"]

    /// A word is a field (or a dotted path through references) of the current record; `today`;
    /// or else a literal word whose meaning the other side of a comparison decides.
    private func bindWord(_ word: String, _ range: SourceRange) throws(Diagnostic) -> Bound {
        let path = word.split(separator: ".", omittingEmptySubsequences: false).map { String($0).lowercased() }
        if let kind, kind.field(named: path[0]) != nil {
            return try bindPath(path, from: kind, range)
        }
        switch word.lowercased() {
        case "today": return .constant(.date(interpreter.today), .date, range)
        case "yes", "true": return .constant(.bool(true), .bool, range)
        case "no", "false": return .constant(.bool(false), .bool, range)
        default:
            return Self.literalWord(word, range)
        }
    }

    /// `status = resolved` over findings: `resolved` is also a field (the date it was resolved),
    /// but beside an enum field whose values include it, the word is that value, as meant.
    private func valueWord(_ expr: Expr, _ bound: Bound, beside other: Bound) -> Bound {
        guard case .word(let word) = expr.kind, !word.contains("."), case .enumeration(let vocabulary) = other.type,
            bound.type != other.type, vocabulary.words.contains(word.lowercased())
        else { return bound }
        return Self.literalWord(word, bound.range)
    }

    /// A word that is not a field: its meaning comes from the other side of a comparison.
    static func literalWord(_ word: String, _ range: SourceRange) -> Bound {
        var b = Bound(.word, range, word: word) { _ in .text(word) }
        b.isConstant = true
        return b
    }

    /// `unit.level`: follow reference fields, then read the last field.
    private func bindPath(_ path: [String], from start: EntityKind, _ range: SourceRange) throws(Diagnostic) -> Bound {
        var bound = try readPath(path, from: start, range)
        // A path through a cadre's unit reads nothing else of the cadre: queries may group by
        // it once per unit, and `unit under X` may pick the cadres of the units below X.
        if start == .cadre, path[0] == "unit", let unitOf = session.fastRefReader(.cadre, "unit") {
            bound.cadreUnit = unitOf
            bound.isCadreUnit = path.count == 1
        }
        return bound
    }

    private func readPath(_ path: [String], from start: EntityKind, _ range: SourceRange) throws(Diagnostic) -> Bound {
        var kind = start
        // Slot of the record the next segment reads, from the slot of the current record.
        var hop: (Int) -> Int? = { $0 }
        // Whether `hop` is still that identity, so a field of the record itself is read directly.
        var direct = true
        for (i, name) in path.enumerated() {
            guard let field = kind.field(named: name) else {
                let suggestion = Suggestion.closest(to: name, in: kind.fields.map(\.name))
                throw .error(BindProblem.noSuchField(kind, name, suggestion: suggestion), at: range)
            }
            let isLast = i == path.count - 1
            if case .ref(let target) = field.type {
                let read = session.fastRefReader(kind, name) ?? session.refAccessor(kind, name)!
                let previous = hop
                hop = direct ? read : { slot in previous(slot).flatMap(read) }
                direct = false
                if isLast {
                    let h = hop, session = session
                    return Bound(
                        .ref(target), range, refSlot: { h($0) },
                        evaluate: { slot in
                            guard let s = h(slot) else { return .null }
                            return .ref(target, session.name(of: target, s))
                        })
                }
                kind = target
                continue
            }
            guard isLast else {
                throw .error(BindProblem.notAReference(name, next: path[i + 1]), at: range)
            }
            if name == "id", kind.hasID {
                // An id is a reference to the record itself: `id under js`, `id = c1` resolve ids.
                let h = hop, target = kind, session = session
                let idOf = session.fastIDReader(target)
                return Bound(
                    .ref(target), range, refSlot: { h($0) },
                    evaluate: { slot in
                        guard let s = h(slot) else { return .null }
                        return .text(idOf?(s) ?? session.name(of: target, s))
                    })
            }
            let h = hop
            if case .enumeration(let vocabulary) = field.type, let ordinalOf = session.fastOrdinalReader(kind, name) {
                var bound = Bound(.enumeration(vocabulary), range) { slot in
                    guard let s = h(slot), let o = ordinalOf(s) else { return .null }
                    return .enumeration(EnumValue(vocabulary, o))
                }
                bound.ordinal = direct ? ordinalOf : { slot in h(slot).flatMap(ordinalOf) }
                if direct { bound.ordinals = session.fastOrdinalsReader(kind, name) }
                return bound
            }
            let read = session.accessor(kind, name)!
            return Bound(Self.staticType(of: field.type), range) { slot in
                guard let s = h(slot) else { return .null }
                return read(s)
            }
        }
        preconditionFailure("empty path")
    }

    static func staticType(of type: FieldType) -> StaticType {
        switch type {
        case .id, .text, .condition: .text
        case .number, .count, .year: .number
        case .date: .date
        case .yesNo: .bool
        case .enumeration(let v): .enumeration(v)
        case .courseKinds: .list
        case .ref(let k): .ref(k)
        case .period: .period
        }
    }

    // MARK: - Operators

    private func bindBinary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ range: SourceRange) throws(Diagnostic)
        -> Bound
    {
        switch op {
        case .and, .or:
            let a = try condition(l), b = try condition(r)
            let isAnd = op == .and
            var bound = Bound(.bool, range) { slot in
                let first = ValueOperations.truth(try a.evaluate(slot))
                if isAnd ? !first : first { return .bool(first) }
                return .bool(ValueOperations.truth(try b.evaluate(slot)))
            }
            bound.test = Self.logical(isAnd, a, b)
            if isAnd {
                bound.scope = CadreScope.narrowest([a.scope, b.scope])
                bound.inScope = Self.conjunction([a, b], within: bound.scope)
                bound.filter = Self.filters([a.filter, b.filter])
                bound.inScopeFilter = Self.conjunctionFilter([a, b], within: bound.scope)
            }
            return bound
        case .add, .subtract, .multiply, .divide:
            return try bindArithmetic(op, try bind(l), try bind(r), range)
        case .contains:
            let a = try bind(l), b = try bind(r)
            guard a.type == .text || a.type == .unknown else {
                throw .error(BindProblem.containsNeedsText(found: a.type.description), at: a.range)
            }
            let needle = try b.constantValue("the text after 'contains'").description.lowercased()
            return Bound(.bool, range) { slot in
                .bool(try a.evaluate(slot).description.lowercased().contains(needle))
            }
        case .under:
            return try bindUnder(try bind(l), try bind(r), range)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let a = try bind(l), b = try bind(r)
            return try bindComparison(op, valueWord(l, a, beside: b), valueWord(r, b, beside: a), range)
        }
    }

    private func bindArithmetic(_ op: BinaryOperator, _ a: Bound, _ b: Bound, _ range: SourceRange) throws(Diagnostic)
        -> Bound
    {
        var x = a, y = b
        let (type, apply) = try arithmetic(op, &x, &y, range)
        return Bound(type, range) { slot in try apply(try x.evaluate(slot), try y.evaluate(slot)) }
    }

    /// What `a op b` is: its type and how it combines the two values. `a` and `b` come back
    /// coerced (a word read as a number). Combining fails, at `range`, where the result would
    /// be no number (an infinity would be stored, then break dump and the session file) or a
    /// date outside the years 1 to 9999.
    private func arithmetic(_ op: BinaryOperator, _ a: inout Bound, _ b: inout Bound, _ range: SourceRange)
        throws(Diagnostic) -> (StaticType, (Value, Value) throws -> Value)
    {
        if op == .subtract, a.type == .date, b.type == .date {
            return (
                .number,
                { l, r in
                    guard case .date(let x) = l, case .date(let y) = r else { return .null }
                    return .number(Number(Int(x.daysSinceEpoch) - Int(y.daysSinceEpoch)))
                }
            )
        }
        if op == .add || op == .subtract, a.type == .date {
            b = try expect(b, .number, "'\(op.rawValue)'")
            let isAdd = op == .add
            return (
                .date,
                { l, r in
                    guard case .date(let d) = l, case .number(let k) = r else { return .null }
                    guard let days = k.integer, let date = d.adding(days: isAdd ? days : -days) else {
                        throw Diagnostic.error(RunProblem.notADate(d, isAdd ? "+" : "-", days: k), at: range)
                    }
                    return .date(date)
                }
            )
        }
        a = try expect(a, .number, "'\(op.rawValue)'")
        b = try expect(b, .number, "'\(op.rawValue)'")
        return (
            .number,
            { l, r in
                guard case .number(let p) = l, case .number(let q) = r else { return .null }
                let result: Number
                switch op {
                case .add: result = p + q
                case .subtract: result = p - q
                case .multiply: result = p * q
                default:
                    if q.isZero { return .null }
                    result = p / q
                }
                guard result.isFinite else {
                    throw Diagnostic.error(RunProblem.tooLarge(p, op.rawValue, q), at: range)
                }
                return .number(result)
            }
        )
    }

    /// `a or b or c …`, `x + y - z …`: bound and evaluated in loops over the terms, so a chain
    /// of any length takes no more stack than two terms.
    private func bindChain(_ first: Expr, _ links: [ChainLink], _ range: SourceRange) throws(Diagnostic) -> Bound {
        switch links[0].op {
        case .and, .or:
            let isAnd = links[0].op == .and
            var terms = [try condition(first)]
            terms.reserveCapacity(links.count + 1)
            for link in links { terms.append(try condition(link.operand)) }
            var bound = Bound(.bool, range) { slot in
                for term in terms {
                    let truth = ValueOperations.truth(try term.evaluate(slot))
                    if truth != isAnd { return .bool(truth) }
                }
                return .bool(isAnd)
            }
            if isAnd {
                bound.scope = CadreScope.narrowest(terms.map(\.scope))
                bound.inScope = Self.conjunction(terms, within: bound.scope)
                bound.filter = Self.filters(terms.map(\.filter))
                bound.inScopeFilter = Self.conjunctionFilter(terms, within: bound.scope)
            }
            return bound
        default:
            // Left to right, as `((first op1 t1) op2 t2) …`: each step is typed against the
            // value so far (a date stays a date through `+ 3 - 1`).
            var head = try bind(first)
            var soFar = head.type
            var terms: [Bound] = []
            var steps: [(Value, Value) throws -> Value] = []
            for (i, link) in links.enumerated() {
                var left = i == 0 ? head : Bound(soFar, first.range.through(links[i - 1].operand.range)) { _ in .null }
                var right = try bind(link.operand)
                let (type, apply) = try arithmetic(link.op, &left, &right, first.range.through(link.operand.range))
                if i == 0 { head = left }
                soFar = type
                terms.append(right)
                steps.append(apply)
            }
            let start = head
            return Bound(soFar, range) { slot in
                var value = try start.evaluate(slot)
                for i in terms.indices { value = try steps[i](value, try terms[i].evaluate(slot)) }
                return value
            }
        }
    }

    private func bindUnder(_ a: Bound, _ b: Bound, _ range: SourceRange) throws(Diagnostic) -> Bound {
        guard case .ref(.unit) = a.type, let slotOf = a.refSlot else {
            throw .error(BindProblem.underNeedsUnit(found: a.type.description), at: a.range)
        }
        let ancestor = try unitSlot(b)
        let session = session
        let test = { (slot: Int) throws -> Bool in
            guard let s = try slotOf(slot) else { return false }
            return session.unit(s, isUnder: ancestor)
        }
        var bound = Bound(.bool, range) { slot in .bool(try test(slot)) }
        bound.test = test
        if a.isCadreUnit {
            bound.scope = .under(ancestor)
            bound.scopeDecides = true
        }
        return bound
    }

    private func unitSlot(_ b: Bound) throws(Diagnostic) -> Int {
        if b.isConstant, case .ref(.unit) = b.type, let r = b.refSlot, let s = try? r(-1) { return s }
        if b.type == .number, let written = b.written { return try resolve(.unit, written, b.range) }  // `under 007`
        guard b.type == .word, let id = b.word else {
            throw .error(BindProblem.expectedUnitAfterUnder(found: b.type.description), at: b.range)
        }
        return try resolve(.unit, id, b.range)
    }

    func resolve(_ kind: EntityKind, _ id: String, _ range: SourceRange) throws(Diagnostic) -> Int {
        if let slot = session.slot(kind, id: id) { return slot }
        let suggestion = session.ids(kind).flatMap { Suggestion.closest(to: id, in: $0) }
        throw .error(BindProblem.unknownRecord(kind, id, suggestion: suggestion), at: range)
    }

    /// Reads a literal word (or variable text) as a value of the type on the other side.
    func coerce(_ bound: Bound, to type: StaticType) throws(Diagnostic) -> Bound {
        if bound.type == .number, let written = bound.written {
            // `id = 007`, `unit in (007, 1e3)`: an id is a word (spec §1), compared as written.
            // (Text fields stay typed: `name > 3` is a mistake, not a comparison of words.)
            if case .ref = type { return try coerce(Self.literalWord(written, bound.range), to: type) }
            return bound
        }
        guard bound.type == .word, let word = bound.word else { return bound }
        let range = bound.range
        switch type {
        case .enumeration(let vocabulary):
            guard let e = EnumValue(vocabulary, word: word) else {
                let suggestion = Suggestion.closest(to: word, in: vocabulary.words)
                throw .error(BindProblem.unknownEnumValue(vocabulary, word, suggestion: suggestion), at: range)
            }
            return .constant(.enumeration(e), type, range)
        case .ref(let kind):
            let slot = try resolve(kind, word, range)
            var b = Bound(type, range, refSlot: { _ in slot }, evaluate: { _ in .ref(kind, word) })
            b.isConstant = true
            return b
        case .number:
            if let n = Number(text: word), n.isFinite { return .constant(.number(n), .number, range) }
            throw .error(BindProblem.expectedNumber(found: word), at: range)
        case .date:
            if let d = Day(iso: word) { return .constant(.date(d), .date, range) }
            throw .error(BindProblem.expectedDate(found: word), at: range)
        case .bool:
            switch word.lowercased() {
            case "yes", "true": return .constant(.bool(true), .bool, range)
            case "no", "false": return .constant(.bool(false), .bool, range)
            default: throw .error(BindProblem.expectedYesNo(found: word), at: range)
            }
        case .word where kind != nil:
            throw .error(BindProblem.noSuchField(kind!, word, suggestion: fieldSuggestion(word)), at: range)
        default:
            return .constant(.text(word), .text, range)
        }
    }

    private func bindComparison(_ op: BinaryOperator, _ l: Bound, _ r: Bound, _ range: SourceRange) throws(Diagnostic)
        -> Bound
    {
        // `where nmae = "x"`: a word that is no field, compared with a constant, compares two
        // constants, the same for every record: a mistyped field, said as one rather than
        // matching nothing (or everything).
        if let kind, l.isConstant, r.isConstant {
            for side in [l, r] where side.type == .word {
                let word = side.word ?? ""
                throw .error(BindProblem.noSuchField(kind, word, suggestion: fieldSuggestion(word)), at: side.range)
            }
        }
        let a = try coerce(l, to: r.type), b = try coerce(r, to: a.type)
        try checkComparable(a, b, op)
        // References compare by slot: no id strings built per record.
        if case .ref = a.type, a.type == b.type, let x = a.refSlot, let y = b.refSlot, op == .equal || op == .notEqual {
            let wantEqual = op == .equal
            var bound = Bound(.bool, range) { slot in
                let p = try x(slot), q = try y(slot)
                // Absent: every comparison is false except != against a present value (as below).
                guard p != nil, q != nil else { return .bool(!wantEqual && (p != nil || q != nil)) }
                return .bool((p == q) == wantEqual)
            }
            if wantEqual, let scope = Self.unitScope(a, b) ?? Self.unitScope(b, a) {
                bound.scope = scope
                bound.scopeDecides = true
            }
            return bound
        }
        if let fast = Self.ordinalComparison(op, a, b, range) {
            return fast
        }
        return Bound(.bool, range) { slot in
            let p = try a.evaluate(slot), q = try b.evaluate(slot)
            if p.isNull || q.isNull { return .bool(op == .notEqual && !(p.isNull && q.isNull)) }
            guard let c = ValueOperations.compare(p, q) else { return .bool(op == .notEqual) }
            switch op {
            case .equal: return .bool(c == 0)
            case .notEqual: return .bool(c != 0)
            case .less: return .bool(c < 0)
            case .lessOrEqual: return .bool(c <= 0)
            case .greater: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        }
    }

    /// `unit = X`: the one unit a cadre must be in, when `unit` is the cadre's and X a fixed unit.
    private static func unitScope(_ field: Bound, _ other: Bound) -> CadreScope? {
        guard field.isCadreUnit, other.isConstant, let r = other.refSlot, let s = try? r(-1) else { return nil }
        return .unit(s)
    }

    private func checkComparable(_ a: Bound, _ b: Bound, _ op: BinaryOperator) throws(Diagnostic) {
        let ordered = op != .equal && op != .notEqual
        if case .enumeration(let v) = a.type, ordered, !v.isOrdered {
            throw .error(BindProblem.noOrder(v), at: a.range.through(b.range))
        }
        if a.type == .unknown || b.type == .unknown || a.type == .word || b.type == .word { return }
        let compatible: Bool
        switch (a.type, b.type) {
        case (.ref, .text), (.text, .ref): compatible = true
        default: compatible = a.type == b.type
        }
        if !compatible {
            throw .error(
                BindProblem.cannotCompare(a.type.description, b.type.description), at: a.range.through(b.range))
        }
    }

    private func bindIn(_ l: Expr, _ items: [Expr], _ range: SourceRange) throws(Diagnostic) -> Bound {
        let left = try bind(l)
        var values: [Value] = []
        var slots: [Int] = []
        for item in items {
            let b = try coerce(valueWord(item, try bind(item), beside: left), to: left.type)
            // As `=` would: `born in (1966, "x")` compares a number with text.
            try checkComparable(left, b, .equal)
            if b.isConstant, case .ref = left.type, let r = b.refSlot, let s = try? r(-1) { slots.append(s) }
            values.append(try b.constantValue("a value in 'in (...)'"))
        }
        if case .ref = left.type, let x = left.refSlot, slots.count == items.count {
            let set = Set(slots)
            return Bound(.bool, range) { slot in .bool(try x(slot).map(set.contains) ?? false) }
        }
        // A constant list is a hashed set (`id in (…)` over 100,000 values stays fast) when every
        // value has a key that is equal exactly when `compare` says so.
        let keys = values.compactMap(Self.membershipKey)
        if keys.count == values.count {
            let set = Set(keys)
            return Bound(.bool, range) { slot in
                .bool(Self.membershipKey(try left.evaluate(slot)).map(set.contains) ?? false)
            }
        }
        return Bound(.bool, range) { slot in
            let v = try left.evaluate(slot)
            return .bool(values.contains { ValueOperations.compare(v, $0) == 0 })
        }
    }

    /// The value `in (…)` looks up: an id and the same text are one key; nil for values a
    /// hash would not match as `compare` does (absent values, lists).
    static func membershipKey(_ value: Value) -> Value? {
        switch value {
        case .ref(_, let id): .text(id)
        case .text, .number, .date, .bool, .enumeration, .period: value
        case .null, .list: nil
        }
    }

    func expect(_ bound: Bound, _ type: StaticType, _ what: String) throws(Diagnostic) -> Bound {
        let b = try coerce(bound, to: type)
        if b.type == type || b.type == .unknown { return b }
        throw .error(BindProblem.needsType(what, type.description, found: b.type.description), at: b.range)
    }
}
