/// Loading a saved session a whole kind at a time: the rows read from the file become the
/// table as they are, and the indexes are built in one pass with the room they need reserved.
/// Putting the records in one by one grew the table, the id index and every reverse list by
/// doubling, and wrapped each record in a ``Record`` to unwrap it again.
extension KindStore {
    /// Takes the records of a file, `rows[slot]` (nil for an empty slot), `count` of them
    /// non-nil, into a store that holds none yet. Every reference must name a record already
    /// in the session, or among `rows` for a reference to this kind.
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    func restore(rows: [R?], count: Int, in session: Session) {
        precondition(table.nextSlot == 0, "restoring into a store that has records")
        version &+= 1
        table = Table(restoring: rows, count: count)
        if declaration.key == .id { idIndex.reserve(count) }
        for (n, reader) in reverseReaders.enumerated() { reverseLists[n] = Self.referrers(in: rows, through: reader) }
        if keysAreIndexed {
            for (slot, row) in rows.enumerated() {
                if let r = row { indexKey(r, slot) }
            }
        }
        if !rows.isEmpty { session.grewTable(declaration.kind, to: rows.count - 1) }
    }
}

extension KindStore {
    /// For each target slot, the slots of `rows` that name it through `reader`, in slot order:
    /// a counting sort into one flat array, then each target's list copied out of it in turn.
    /// Appending to each target's list as the rows came touched a million lists in random
    /// order, a cache miss a row: a third of opening a file of 5M enrollments.
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    static func referrers(in rows: [R?], through reader: InPlaceReader<R>) -> [[Int32]] {
        var targetOf = [Int32](repeating: -1, count: rows.count)
        var sizes: [Int32] = []
        for (slot, row) in rows.enumerated() {
            guard let r = row, let target = reader.int(in: r) else { continue }
            if target >= sizes.count { sizes.append(contentsOf: repeatElement(0, count: target + 1 - sizes.count)) }
            sizes[target] += 1
            targetOf[slot] = Int32(target)
        }
        // Where each target's next referrer goes in `flat`; after the scatter, where its list ends.
        var next = [Int32](repeating: 0, count: sizes.count)
        var total: Int32 = 0
        for target in sizes.indices {
            next[target] = total
            total += sizes[target]
        }
        var flat = [Int32](repeating: 0, count: Int(total))
        for (slot, target) in targetOf.enumerated() where target >= 0 {
            flat[Int(next[Int(target)])] = Int32(slot)
            next[Int(target)] += 1
        }
        var lists: [[Int32]] = []
        lists.reserveCapacity(sizes.count)
        var start = 0
        for end in next {
            lists.append(end == start ? [] : Array(flat[start..<Int(end)]))
            start = Int(end)
        }
        return lists
    }
}

extension Session {
    /// Puts the records of one kind, read from a saved session, in their slots: `rows[slot]`,
    /// nil for the empty slots of removed records; `count` are non-nil. As with
    /// ``restore(_:at:)``: only for a session no one has looked at yet, kinds in
    /// `EntityKind.dependencyOrder`, each at most once, every reference valid.
    public func restore<R: EntityRecord>(rows: [R?], count: Int) {
        version &+= 1
        store(R.self).restore(rows: rows, count: count, in: self)
    }
}
