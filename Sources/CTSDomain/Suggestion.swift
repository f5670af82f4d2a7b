/// "Did you mean" support: the closest candidates by edit distance.
public enum Suggestion {
    /// The best candidate within a distance proportional to the word's length, or nil.
    ///
    /// Among candidates at the same distance, one the word is a part of with letters left out
    /// (`lst` → `list`, `dsc` → `desc`) goes before one with letters changed (`let`), since
    /// dropped letters are the commoner slip; then one with the same first letter; then the
    /// one that sorts first, so the hint is the same on every run (candidates often come from
    /// a dictionary, whose order changes between runs).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lower = word.lowercased()
        let limit = max(1, min(3, lower.count / 3 + 1))
        var best: (candidate: String, rank: (Int, Int, Int))?
        for candidate in candidates {
            let other = candidate.lowercased()
            let d = distance(lower, other, limit: limit)
            guard d <= limit else { continue }
            let rank = (
                d, isSubsequence(lower, of: other) || isSubsequence(other, of: lower) ? 0 : 1,
                lower.unicodeScalars.first == other.unicodeScalars.first ? 0 : 1
            )
            if let b = best, rank > b.rank || (rank == b.rank && candidate >= b.candidate) { continue }
            best = (candidate, rank)
        }
        return best?.candidate
    }

    /// The closest of the words valid at this position (`preferred`: the commands at command
    /// position, `asc`/`desc` after a sort key, the options of this command), or else the
    /// closest of `others`.
    public static func closest(
        to word: String, preferring preferred: some Sequence<String>,
        else others: some Sequence<String>
    ) -> String? {
        closest(to: word, in: preferred) ?? closest(to: word, in: others)
    }

    /// Whether the scalars of `a` appear in `b` in order (`lst` in `list`).
    static func isSubsequence(_ a: String, of b: String) -> Bool {
        var rest = b.unicodeScalars[...]
        for scalar in a.unicodeScalars {
            guard let i = rest.firstIndex(of: scalar) else { return false }
            rest = rest[rest.index(after: i)...]
        }
        return true
    }

    /// ` (did you mean 'x'?)` for a suggestion already found, or an empty string.
    public static func hint(_ suggestion: String?) -> String {
        hint(suggestion, otherwise: "")
    }

    /// ` (did you mean 'x'?)` for a suggestion already found, else `otherwise` (what is allowed:
    /// `; expected one of a, b, c`). Every "did you mean" of cts is worded here.
    public static func hint(_ suggestion: String?, otherwise: String) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? otherwise
    }

    /// `(did you mean 'x'?)` or an empty string.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        hint(closest(to: word, in: candidates))
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, stopping early past `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, previous2[j - 2] + 1) }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
