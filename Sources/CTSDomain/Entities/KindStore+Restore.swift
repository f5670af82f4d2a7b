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
        // Each list once, at its size: count the referrers of every target first.
        for (n, reader) in reverseReaders.enumerated() {
            var sizes: [Int32] = []
            for case let r? in rows {
                guard let target = reader.int(in: r) else { continue }
                if target >= sizes.count { sizes.append(contentsOf: repeatElement(0, count: target + 1 - sizes.count)) }
                sizes[target] += 1
            }
            while reverseLists[n].count < sizes.count { reverseLists[n].append([]) }
            for (target, size) in sizes.enumerated() where size > 0 {
                reverseLists[n][target].reserveCapacity(Int(size))
            }
        }
        for (slot, row) in rows.enumerated() {
            if let r = row { index(r, slot) }
        }
        if !rows.isEmpty { session.grewTable(declaration.kind, to: rows.count - 1) }
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
