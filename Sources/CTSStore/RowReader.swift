import CTSDomain
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the columns of the current row of an entity table's query by index (column 0 is the
/// slot), checking each value is what its column holds; anything else is reported as a damaged
/// file, naming table, slot and column. A value is what cts writes or nothing: SQLite lets
/// another tool put text in a number column (`column_double` would read it as 0), a number or
/// a blob in a text column, or bytes that are not UTF-8 (which would read as U+FFFD).
///
///     let r = try RowReader(query, kind: .cadre, file: "jiangsu.ctsdb")
///     let rank = try r.word(4, .rank, words: Rank.allCases.map(\.rawValue))   // its position
struct RowReader {
    let query: PreparedStatement
    let kind: EntityKind
    let file: String
    let slot: Int

    init(_ query: PreparedStatement, kind: EntityKind, file: String) throws {
        self.query = query
        self.kind = kind
        self.file = file
        self.slot = query.int(0)
        guard slot >= 0 && slot <= Int(Int32.max) else {
            throw Self.damaged(file, kind, slot, "slot", "is out of range")
        }
    }

    static func damaged(_ file: String, _ kind: EntityKind, _ slot: Int, _ column: String, _ problem: String)
        -> StoreError
    {
        StoreError(.corrupt, "\(file) is damaged: \(kind.rawValue) \(slot), column \(column) \(problem)")
    }

    static func damagedMeta(_ file: String, _ key: String, _ problem: String) -> StoreError {
        StoreError(.corrupt, "\(file) is damaged: meta key \(key) \(problem)")
    }

    private func damaged(_ i: Int32, _ problem: String) -> StoreError {
        Self.damaged(file, kind, slot, SessionSchema.columns(kind)[Int(i) - 1], problem)
    }

    /// Checks the column holds a value of the storage class cts writes there (for a REAL
    /// column, an INTEGER too: SQLite stores a whole REAL as an integer on some paths).
    @inline(__always)
    private func present(_ i: Int32, _ expected: Int32) throws {
        let found = query.storageClass(i)
        if found == expected || (expected == SQLITE_FLOAT && found == SQLITE_INTEGER) { return }
        throw wrongClass(i, found, expected)
    }

    private func wrongClass(_ i: Int32, _ found: Int32, _ expected: Int32) -> StoreError {
        let wanted = expected == SQLITE_TEXT ? "text" : expected == SQLITE_INTEGER ? "a whole number" : "a number"
        switch found {
        case SQLITE_NULL: return damaged(i, "is empty")
        case SQLITE_TEXT: return damaged(i, "has the text '\(query.text(i).prefix(40))', where cts keeps \(wanted)")
        case SQLITE_BLOB: return damaged(i, "has a blob, where cts keeps \(wanted)")
        case SQLITE_FLOAT: return damaged(i, "has \(query.double(i)), where cts keeps \(wanted)")
        default: return damaged(i, "has \(query.int(i)), where cts keeps \(wanted)")
        }
    }

    func text(_ i: Int32) throws -> String {
        try present(i, SQLITE_TEXT)
        let text = query.withText(i) { String(validating: $0, as: UTF8.self) }
        guard let text else { throw damaged(i, "has text that is not UTF-8") }
        return text
    }

    func optionalText(_ i: Int32) throws -> String? {
        query.isNull(i) ? nil : try text(i)
    }

    func int(_ i: Int32) throws -> Int {
        try present(i, SQLITE_INTEGER)
        return query.int(i)
    }

    func optionalInt(_ i: Int32) throws -> Int? {
        query.isNull(i) ? nil : try int(i)
    }

    func real(_ i: Int32) throws -> Double {
        try present(i, SQLITE_FLOAT)
        return query.double(i)
    }

    func optionalReal(_ i: Int32) throws -> Double? {
        query.isNull(i) ? nil : try real(i)
    }

    /// Class hours or money: a REAL that is exactly some thousandths (what cts writes).
    func amount(_ i: Int32) throws -> Number {
        let value = try real(i)
        // What `hours=` and `funds=` accept: finite and below 10¹⁵.
        guard value.isFinite, abs(value) < 1e15 else {
            throw damaged(i, "has \(value), which is past the largest amount cts keeps (10¹⁵)")
        }
        let n = Number(shortestDecimal: value)
        guard n.isExact else {
            throw damaged(i, "has \(n), which has more than 3 decimals (cts keeps hours and money exact)")
        }
        return n
    }

    func optionalAmount(_ i: Int32) throws -> Number? {
        query.isNull(i) ? nil : try amount(i)
    }

    func date(_ i: Int32) throws -> Day {
        try present(i, SQLITE_TEXT)
        guard let day = query.withText(i, DayText.parse(utf8:)) else {
            throw damaged(i, "has '\(query.text(i))', which is not a date (YYYY-MM-DD)")
        }
        return day
    }

    func optionalDate(_ i: Int32) throws -> Day? {
        query.isNull(i) ? nil : try date(i)
    }

    /// A word of `vocabulary`, as its position.
    func word(_ i: Int32, _ vocabulary: Vocabulary, words: [String]) throws -> Int {
        let text = try text(i)
        guard let ordinal = words.firstIndex(of: text) else {
            throw damaged(
                i, "has '\(text)', which is not a \(vocabulary.rawValue) (\(vocabulary.words.joined(separator: ", ")))")
        }
        return ordinal
    }

    /// A word given as UTF-8 bytes (``RowCodec/wordBytes``), as its position: matched
    /// without making a String of the column.
    func word(_ i: Int32, _ candidates: [[UInt8]], _ vocabulary: Vocabulary) throws -> Int {
        try present(i, SQLITE_TEXT)
        let found = query.withText(i) { text in
            candidates.firstIndex { word in
                word.count == text.count && !text.isEmpty
                    && word.withUnsafeBufferPointer { memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }
            }
        }
        guard let found else { return try word(i, vocabulary, words: []) }
        return found
    }

    /// The error for a reference to `target`, a slot that holds no record of its kind.
    func danglingReference(_ i: Int32, _ target: Int) -> StoreError {
        damaged(i, "refers to slot \(target), which holds no record")
    }

    /// A reference: the slot of a record of `kind`, which must hold one.
    func ref(_ i: Int32, _ kind: EntityKind, in session: Session) throws -> Int {
        let target = try int(i)
        guard session.holds(kind, target) else {
            throw damaged(i, "refers to slot \(target), which holds no record")
        }
        return target
    }

    /// A rule's course kinds: NULL for every kind, else comma-separated words ('' for none).
    func courseKinds(_ i: Int32) throws -> [CourseKind]? {
        guard let text = try optionalText(i) else { return nil }
        if text.isEmpty { return [] }
        var kinds: [CourseKind] = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let kind = CourseKind(rawValue: String(word)) else {
                throw damaged(i, "has '\(text)', which is not a list of course kinds")
            }
            kinds.append(kind)
        }
        return kinds
    }
}
