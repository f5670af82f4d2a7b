/// Records of one kind in the order they were added, addressed by slot.
///
/// A removed record leaves an empty slot behind (a tombstone) so that the slots of the others,
/// which references use, never move; trailing empty slots are dropped so that undoing an append
/// gives the slot back to the redo.
public struct Table<Row: Sendable>: Sendable {
    public private(set) var rows: [Row?] = []
    /// How many slots hold a record.
    public private(set) var count = 0

    public init() {}

    /// A table holding `rows` as they are, of which `count` hold a record (a file being loaded).
    init(restoring rows: [Row?], count: Int) {
        self.rows = rows
        self.count = count
    }

    public subscript(slot: Int) -> Row? {
        slot >= 0 && slot < rows.count ? rows[slot] : nil
    }

    /// The slot the next appended record will take.
    public var nextSlot: Int { rows.count }

    mutating func put(_ row: Row, at slot: Int) {
        if slot >= rows.count {
            // Undoing the removal of a record whose trailing empty slots were dropped: give the
            // empty slots before it back too, so every other record keeps its slot.
            while rows.count < slot { rows.append(nil) }
            rows.append(row)
        } else {
            precondition(rows[slot] == nil, "slot \(slot) is taken")
            rows[slot] = row
        }
        count += 1
    }

    mutating func replace(_ row: Row, at slot: Int) {
        precondition(rows[slot] != nil, "slot \(slot) is empty")
        rows[slot] = row
    }

    mutating func remove(at slot: Int) {
        precondition(rows[slot] != nil, "slot \(slot) is empty")
        rows[slot] = nil
        count -= 1
        while let last = rows.last, last == nil { rows.removeLast() }
    }

    mutating func reserve(_ n: Int) { rows.reserveCapacity(rows.count + n) }

    /// Slots that hold a record, in the order the records were added.
    public var slots: [Int] {
        // No empty slot (the usual case): no row need be looked at.
        if count == rows.count { return Array(rows.indices) }
        var result: [Int] = []
        result.reserveCapacity(count)
        for (slot, row) in rows.enumerated() where row != nil { result.append(slot) }
        return result
    }
}
