import CTSDomain

/// The ids of one kind of record, sorted by their UTF-8 bytes, for prefix lookups by binary
/// search: a TAB after `c-001` with a million cadres reads about 40 ids, not a million.
///
/// All ids sit in one byte buffer (no String per id), in the order of their records; the
/// sorted order is an array of (offset, length, slot) entries into it. The index is built
/// from the session the first time it is asked for, and again only when the records of its
/// kind changed since (`Session.version(of:)`) or the session was replaced.
final class IDIndex {
    let kind: EntityKind

    /// The session the index was built from; weak, so a replaced session is not kept alive.
    private weak var session: Session?
    private var version = -1
    /// Every id, back to back, in slot order.
    private var bytes: [UInt8] = []
    /// The ids in sorted order.
    private var entries: [Entry] = []

    private struct Entry {
        var start: Int32
        var length: Int32
        var slot: Int32
    }

    /// How many times the index has been (re)built; tests use it to check rebuilding is lazy.
    private(set) var builds = 0

    init(kind: EntityKind) {
        self.kind = kind
    }

    var count: Int { entries.count }

    /// Where in the session's id log (`Session.idLog`) the index has caught up to.
    private var logPosition = 0
    /// Up to this many added or removed ids are applied one by one (each a binary search and
    /// a move of the entries after it); more, and the index is rebuilt.
    static let incrementalLimit = 1000

    /// Brings the index up to date with the session: nothing when its records of this kind
    /// did not change, the few ids added or removed when there are few, else a rebuild.
    func refresh(from session: Session) {
        if self.session === session {
            if version == session.version(of: kind) { return }
            let log = session.idLog(kind)
            let pending = log.end - logPosition
            if logPosition >= log.dropped && pending <= Self.incrementalLimit {
                for entry in log.entries[(logPosition - log.dropped)...] {
                    if entry.added { insert(entry.id, slot: entry.slot) } else { remove(entry.id) }
                }
                logPosition = log.end
                version = session.version(of: kind)
                return
            }
        }
        build(from: session)
        logPosition = session.idLog(kind).end
    }

    /// The sorted position where `id` is or would go.
    private func position(of id: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var lo = 0, hi = entries.count
            while lo < hi {
                let mid = (lo + hi) / 2
                let e = entries[mid]
                let start = Int(e.start), length = Int(e.length)
                var order = 0
                for k in 0..<min(length, id.count) where b[start + k] != id[k] {
                    order = b[start + k] < id[k] ? -1 : 1
                    break
                }
                if order == 0 { order = length < id.count ? -1 : (length > id.count ? 1 : 0) }
                if order < 0 { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }

    private func insert(_ id: String, slot: Int) {
        let utf8 = Array(id.utf8)
        let at = position(of: utf8)
        let entry = Entry(start: Int32(bytes.count), length: Int32(utf8.count), slot: Int32(slot))
        bytes.append(contentsOf: utf8)
        entries.insert(entry, at: at)
    }

    private func remove(_ id: String) {
        let utf8 = Array(id.utf8)
        let at = position(of: utf8)
        guard at < entries.count else { return }
        let e = entries[at]
        let matches = bytes.withUnsafeBufferPointer { b in
            Int(e.length) == utf8.count && (0..<utf8.count).allSatisfy { b[Int(e.start) + $0] == utf8[$0] }
        }
        if matches { entries.remove(at: at) }
    }

    /// The id at a sorted position.
    func id(at i: Int) -> String {
        let e = entries[i]
        return bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(e.start)..<Int(e.start + e.length)]), as: UTF8.self)
        }
    }

    /// The slot of the record whose id is at a sorted position.
    func slot(at i: Int) -> Int { Int(entries[i].slot) }

    /// The sorted positions of the ids that start with `prefix` (byte for byte, so case-sensitively).
    func range(prefix: String) -> Range<Int> {
        let p = Array(prefix.utf8)
        let n = count
        if p.isEmpty { return 0..<n }
        return bytes.withUnsafeBufferPointer { b in
            entries.withUnsafeBufferPointer { e in
                p.withUnsafeBufferPointer { q in
                    /// The i-th id compared with the prefix over the prefix's length:
                    /// negative (before it), 0 (starts with it) or positive (after it).
                    func compare(_ i: Int) -> Int {
                        let start = Int(e[i].start), length = Int(e[i].length)
                        let common = min(length, q.count)
                        for k in 0..<common {
                            let x = b[start + k], y = q[k]
                            if x != y { return x < y ? -1 : 1 }
                        }
                        return length < q.count ? -1 : 0
                    }
                    // First id not before the prefix.
                    var lo = 0, hi = n
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if compare(mid) < 0 { lo = mid + 1 } else { hi = mid }
                    }
                    let lower = lo
                    // First id after the ids that start with the prefix (they are contiguous).
                    hi = n
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if compare(mid) == 0 { lo = mid + 1 } else { hi = mid }
                    }
                    return lower..<lo
                }
            }
        }
    }

    /// What to show beside an id: the record's name, title or text.
    func detail(at i: Int, in session: Session) -> String? {
        kind.declaration.detail(Int(entries[i].slot), in: session)
    }

    // MARK: - Building

    private func build(from session: Session) {
        builds += 1
        self.session = session
        version = session.version(of: kind)

        // The arrays of the last build are reused, so a rebuild does not fault in fresh memory.
        var collector = Collector(reusing: &bytes, &entries, &keysScratch)
        collector.session = session
        try? kind.declaration.accept(&collector)

        var keys: [SortKey] = []
        swap(&keys, &collector.keys)
        Self.radixSort(&keys, scratch: &sortScratch)
        var sorted: [Entry] = []
        swap(&sorted, &sortedScratch)
        sorted.removeAll(keepingCapacity: true)
        reserve(&sorted, keys.count)
        collector.entries.withUnsafeBufferPointer { e in
            for key in keys { sorted.append(e[Int(key.index)]) }
        }
        // Ids that share their first 8 bytes: order them by the rest.
        collector.bytes.withUnsafeBufferPointer { b in
            var runStart = 0
            for i in 1..<max(1, keys.count + 1) {
                if i < keys.count && keys[i].key == keys[runStart].key { continue }
                if i - runStart > 1 { sorted[runStart..<i].sort { x, y in Self.less(b, x, y) } }
                runStart = i
            }
        }
        swap(&bytes, &collector.bytes)
        swap(&sortedScratch, &collector.entries)
        swap(&entries, &sorted)
        swap(&keysScratch, &keys)
    }

    // Storage kept between builds.
    private var keysScratch: [SortKey] = []
    private var sortScratch: [SortKey] = []
    private var sortedScratch: [Entry] = []

    /// An id's first 8 bytes as a big-endian integer, zero-padded (so a shorter id sorts
    /// before its extensions), and its position in slot order.
    private struct SortKey {
        var key: UInt64
        var index: Int32
    }

    /// Gathers the ids of a table in slot order, into arrays sized first and then filled
    /// through pointers (a million appends cost more than the rest of the build).
    private struct Collector: EntityVisitor {
        var session: Session?
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        var keys: [SortKey] = []

        init(reusing bytes: inout [UInt8], _ entries: inout [Entry], _ keys: inout [SortKey]) {
            swap(&self.bytes, &bytes)
            swap(&self.entries, &entries)
            swap(&self.keys, &keys)
        }

        /// The ids of the kind's table; nothing for a kind keyed by two fields.
        mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) {
            guard declaration.key == .id, let session else { return }
            add(session.table(R.self).rows, declaration)
        }

        mutating func add<R>(_ rows: [R?], _ declaration: EntityDeclaration<R>) {
            var count = 0, size = 0
            rows.withUnsafeBufferPointer { p in
                for slot in 0..<p.count {
                    guard let row = p[slot], let id = declaration.id(row) else { continue }
                    count += 1
                    size += id.utf8.count
                }
            }
            resize(&bytes, size, 0)
            resize(&entries, count, Entry(start: 0, length: 0, slot: 0))
            resize(&keys, count, SortKey(key: 0, index: 0))
            rows.withUnsafeBufferPointer { p in
                bytes.withUnsafeMutableBufferPointer { b in
                    entries.withUnsafeMutableBufferPointer { e in
                        keys.withUnsafeMutableBufferPointer { k in
                            var i = 0, offset = 0
                            for slot in 0..<p.count {
                                guard let row = p[slot], var id = declaration.id(row) else { continue }
                                let start = offset
                                var key: UInt64 = 0
                                id.withUTF8 { utf8 in
                                    for j in 0..<min(8, utf8.count) { key |= UInt64(utf8[j]) << UInt64(56 - 8 * j) }
                                    _ = UnsafeMutableBufferPointer(rebasing: b[offset..<(offset + utf8.count)])
                                        .update(fromContentsOf: utf8)
                                    offset += utf8.count
                                }
                                e[i] = Entry(start: Int32(start), length: Int32(offset - start), slot: Int32(slot))
                                k[i] = SortKey(key: key, index: Int32(i))
                                i += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Sorts by key: a least-significant-digit radix sort on 16-bit digits, skipping the
    /// digits every key shares (the `c-` of every cadre id).
    private static func radixSort(_ keys: inout [SortKey], scratch: inout [SortKey]) {
        let n = keys.count
        guard n > 1 else { return }
        var counts = [Int](repeating: 0, count: 4 << 16)
        keys.withUnsafeBufferPointer { k in
            counts.withUnsafeMutableBufferPointer { c in
                for entry in k {
                    let key = entry.key
                    c[Int(truncatingIfNeeded: key & 0xFFFF)] += 1
                    c[1 << 16 + Int(truncatingIfNeeded: (key >> 16) & 0xFFFF)] += 1
                    c[2 << 16 + Int(truncatingIfNeeded: (key >> 32) & 0xFFFF)] += 1
                    c[3 << 16 + Int(truncatingIfNeeded: key >> 48)] += 1
                }
            }
        }
        resize(&scratch, n, SortKey(key: 0, index: 0))
        for digit in 0..<4 {
            let base = digit << 16
            let first = keys[0].key >> UInt64(digit * 16) & 0xFFFF
            if counts[base + Int(first)] == n { continue }
            let shift = UInt64(digit * 16)
            counts.withUnsafeMutableBufferPointer { c in
                var total = 0
                for d in base..<(base + 1 << 16) {
                    let count = c[d]
                    c[d] = total
                    total += count
                }
                keys.withUnsafeBufferPointer { from in
                    scratch.withUnsafeMutableBufferPointer { to in
                        for entry in from {
                            let d = base + Int(truncatingIfNeeded: entry.key >> shift & 0xFFFF)
                            to[c[d]] = entry
                            c[d] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
    }

    /// Byte order of two ids.
    private static func less(_ b: UnsafeBufferPointer<UInt8>, _ x: Entry, _ y: Entry) -> Bool {
        let xs = Int(x.start), xe = xs + Int(x.length), ys = Int(y.start), ye = ys + Int(y.length)
        var i = xs, j = ys
        while i < xe && j < ye {
            if b[i] != b[j] { return b[i] < b[j] }
            i += 1
            j += 1
        }
        return xe - xs < ye - ys
    }
}

/// Makes room for `count` elements and some more, so that a rebuild after a few additions
/// reuses the storage instead of reallocating and faulting in fresh memory.
private func reserve<T>(_ array: inout [T], _ count: Int) {
    if array.capacity < count { array.reserveCapacity(count + count / 16 + 64) }
}

/// Makes `array` hold `count` elements (their values to be overwritten), keeping its storage
/// when it is large enough.
private func resize<T>(_ array: inout [T], _ count: Int, _ filler: T) {
    if array.count >= count {
        array.removeLast(array.count - count)
    } else if array.capacity >= count {
        array.append(contentsOf: repeatElement(filler, count: count - array.count))
    } else {
        array = [T](unsafeUninitializedCapacity: count + count / 16 + 64) { buffer, initialized in
            buffer.baseAddress!.initialize(repeating: filler, count: count)
            initialized = count
        }
    }
}
