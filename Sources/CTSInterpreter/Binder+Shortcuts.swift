import CTSDomain
import CTSLanguage

/// Cheaper forms of common conditions, each giving exactly what the general form gives: an
/// enumeration field compared with a fixed value (`rank >= county`, `category = leading`),
/// which can also filter many records at once (`Bound.filter`), and a conjunction tested on
/// cadres its scope already placed (`unit under X and …`), without the terms the scope decides.
extension Binder {
    /// `FIELD op VALUE` or `VALUE op FIELD` for an enumeration field and a value known while
    /// binding: two positions in the vocabulary are compared, no `Value` is made per record.
    /// nil when the comparison is not of that form.
    static func ordinalComparison(_ op: BinaryOperator, _ a: Bound, _ b: Bound, _ range: SourceRange) -> Bound? {
        let fieldFirst = a.ordinal != nil
        let (field, fixed) = fieldFirst ? (a, b) : (b, a)
        guard let ordinalOf = field.ordinal, case .enumeration(let vocabulary) = field.type,
            case .enumeration(let value)? = fixed.literal, value.vocabulary == vocabulary
        else { return nil }
        let constant = value.ordinal
        let holds = { (position: Int?) -> Bool in
            // An absent value against a present one: only `!=` holds (as `compare` on values).
            guard let x = position else { return op == .notEqual }
            let (p, q) = fieldFirst ? (x, constant) : (constant, x)
            switch op {
            case .equal: return p == q
            case .notEqual: return p != q
            case .less: return p < q
            case .lessOrEqual: return p <= q
            case .greater: return p > q
            default: return p >= q
            }
        }
        let test = { (slot: Int) in holds(ordinalOf(slot)) }
        var bound = Bound(.bool, range) { slot in .bool(test(slot)) }
        bound.test = test
        if let ordinals = field.ordinals {
            bound.filter = { slots in
                let positions = ordinals(slots)
                return slots.indices.compactMap { i in
                    holds(positions[i] < 0 ? nil : Int(positions[i])) ? slots[i] : nil
                }
            }
        }
        return bound
    }

    /// The filter of a conjunction: each term's filter in turn, when every term has one.
    static func filters(_ terms: [(([Int]) -> [Int])?]) -> (([Int]) -> [Int])? {
        let all = terms.compactMap { $0 }
        guard all.count == terms.count else { return nil }
        return { slots in all.reduce(slots) { kept, filter in filter(kept) } }
    }

    /// `inScopeFilter` of a conjunction: the filters of the terms its scope does not decide.
    static func conjunctionFilter(_ terms: [Bound], within scope: CadreScope?) -> (([Int]) -> [Int])? {
        guard let scope else { return nil }
        let rest = terms.filter { !($0.scope == scope && $0.scopeDecides) }
        guard rest.count < terms.count else { return nil }
        return filters(rest.map { $0.scope == scope ? $0.inScopeFilter : $0.filter })
    }

    /// `a and b`, `a or b` as a test, from the terms' tests.
    static func logical(_ isAnd: Bool, _ a: Bound, _ b: Bound) -> (Int) throws -> Bool {
        let x = a.truth, y = b.truth
        return isAnd ? { try x($0) && y($0) } : { try x($0) || y($0) }
    }

    /// Whether a conjunction of `terms` holds for a cadre already known to lie in `scope`: the terms
    /// the scope decides are left out, a term with the same scope is tested in its own
    /// `inScope` form. nil when nothing can be left out (or there is no scope).
    static func conjunction(_ terms: [Bound], within scope: CadreScope?) -> ((Int) throws -> Bool)? {
        guard let scope else { return nil }
        var rest: [Test] = []
        var shorter = false
        for term in terms {
            if term.scope == scope, term.scopeDecides {
                shorter = true
            } else if term.scope == scope, let inner = term.inScope {
                shorter = true
                rest.append(Test(inner))
            } else {
                rest.append(Test(term.truth))
            }
        }
        guard shorter else { return nil }
        if rest.count == 1 { return rest[0].holds }
        return { slot in
            for term in rest where !(try term.holds(slot)) { return false }
            return true
        }
    }
}

/// A closure kept in an array: wrapped, so that it is called directly rather than through the
/// reabstraction thunks an array of bare function values puts around every call.
struct Test {
    let holds: (Int) throws -> Bool
    init(_ holds: @escaping (Int) throws -> Bool) { self.holds = holds }
}

/// A key kept in an array, for the same reason as ``Test``.
struct Key {
    let evaluate: (Int) throws -> Value
    init(_ evaluate: @escaping (Int) throws -> Value) { self.evaluate = evaluate }
}
