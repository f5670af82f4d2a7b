import CTSDomain

/// Comparison and arithmetic on values, shared by conditions, sorting and grouping.
enum ValueOperations {
    /// Orders two values: numbers, texts, dates, enums of one vocabulary (by their order),
    /// booleans, periods and ids. Absent values sort first. nil when the two cannot be compared.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.text(let x), .text(let y)), (.ref(_, let x), .ref(_, let y)),
            (.text(let x), .ref(_, let y)), (.ref(_, let x), .text(let y)):
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.enumeration(let x), .enumeration(let y)) where x.vocabulary == y.vocabulary:
            return x.ordinal < y.ordinal ? -1 : (x.ordinal > y.ordinal ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.period(let x), .period(let y)):
            if x.first != y.first { return x.first < y.first ? -1 : 1 }
            return x.last < y.last ? -1 : (x.last > y.last ? 1 : 0)
        default: return nil
        }
    }

    /// Sort order for any two values, also across kinds (so mixed columns still sort stably).
    static func sortOrder(_ a: Value, _ b: Value) -> Int {
        if let c = compare(a, b) { return c }
        return rank(a) < rank(b) ? -1 : (rank(a) > rank(b) ? 1 : 0)
    }

    private static func rank(_ v: Value) -> Int {
        switch v {
        case .null: 0
        case .bool: 1
        case .number: 2
        case .date: 3
        case .period: 4
        case .enumeration: 5
        case .text, .ref: 6
        case .list: 7
        }
    }

    static func truth(_ v: Value) -> Bool {
        switch v {
        case .bool(let b): b
        case .null: false
        case .number(let n): !n.isZero
        default: true
        }
    }
}
