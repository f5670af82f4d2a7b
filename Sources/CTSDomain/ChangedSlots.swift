/// Which records changes touched, by kind and slot, and whether they changed the settings:
/// all a session file needs to catch up with the session, without the change sets themselves.
///
/// A batch run with `-s FILE` that ends after its scripts keeps this instead of every change
/// set (a million of them for a province, 200 bytes each): at its end the file gets the
/// current record of each slot touched, or loses the slot's row if it is empty now. A bit per
/// slot, so a million touched slots take 125 KB.
///
///     var changed = ChangedSlots()
///     changed.formUnion(changeSet)              // .insert(slot: 4, .cadre(...))
///     changed.slots(.cadre)                     // [4]
public struct ChangedSlots: Sendable, Equatable {
    /// One bit per slot, by kind ordinal (`EntityKind.allCases` order).
    private var words: [[UInt64]] = Array(repeating: [], count: EntityKind.allCases.count)
    /// Whether `set today` or `set day-hours` changed the settings.
    public private(set) var settingsChanged = false

    public init() {}

    /// Whether nothing was touched.
    public var isEmpty: Bool { !settingsChanged && words.allSatisfy { $0.isEmpty } }

    /// The kinds with at least one slot touched.
    public var kinds: [EntityKind] { EntityKind.allCases.filter { !words[$0.declaration.ordinal].isEmpty } }

    /// Notes the slot (or the settings) one change touched.
    public mutating func insert(_ change: Change) {
        switch change {
        case .insert(let slot, let r), .update(let slot, _, let r), .delete(let slot, let r):
            insert(r.kind, slot)
        case .settings:
            settingsChanged = true
        }
    }

    /// Notes every slot a change set touched.
    public mutating func formUnion(_ changes: ChangeSet) {
        for change in changes { insert(change) }
    }

    public mutating func insert(_ kind: EntityKind, _ slot: Int) {
        let ordinal = kind.declaration.ordinal
        let word = slot >> 6
        if word >= words[ordinal].count {
            words[ordinal].append(contentsOf: repeatElement(0, count: word + 1 - words[ordinal].count))
        }
        words[ordinal][word] |= 1 << UInt64(slot & 63)
    }

    public func contains(_ kind: EntityKind, _ slot: Int) -> Bool {
        let kindWords = words[kind.declaration.ordinal]
        let word = slot >> 6
        return slot >= 0 && word < kindWords.count && kindWords[word] & (1 << UInt64(slot & 63)) != 0
    }

    /// How many slots of a kind were touched.
    public func count(_ kind: EntityKind) -> Int {
        words[kind.declaration.ordinal].reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// The lowest touched slot of a kind.
    public func firstSlot(_ kind: EntityKind) -> Int? {
        let kindWords = words[kind.declaration.ordinal]
        guard let i = kindWords.firstIndex(where: { $0 != 0 }) else { return nil }
        return i << 6 | kindWords[i].trailingZeroBitCount
    }

    /// The touched slots of a kind, ascending.
    public func slots(_ kind: EntityKind) -> [Int] {
        var result: [Int] = []
        forEachSlot(kind) { result.append($0) }
        return result
    }

    /// Calls `body` with each touched slot of a kind, ascending.
    public func forEachSlot<E: Error>(_ kind: EntityKind, _ body: (Int) throws(E) -> Void) throws(E) {
        for (i, word) in words[kind.declaration.ordinal].enumerated() {
            var bits = word
            while bits != 0 {
                try body(i << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }
}
