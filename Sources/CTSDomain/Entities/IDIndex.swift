/// id → slot for the records of a kind named by their id: an open-addressing table of slots
/// whose ids are compared against the ids stored in the rows themselves.
///
/// A `[String: Int]` kept every id a second time (the rows hold them) and hashed each with
/// SipHash through `String.hash(into:)`: a lookup cost ~500 instructions, two per `enroll`
/// line, and the dictionary 48 MB at 10⁶ cadres. Here an entry is 8 bytes, the id's 32-bit
/// hash above its slot + 1, at most half the entries used (16 MB at 10⁶ cadres); a lookup
/// hashes the id's bytes and reads a row only when the hashes agree.
///
///     let h = IDIndex.hash("c1")
///     index.insert(hash: h, slot: 7)
///     index.slot(hash: h) { rowID($0) == "c1" }   // 7
struct IDIndex {
    /// Per entry: 0 when empty, ``removed`` for a removed id (a lookup goes on past it), else
    /// `hash << 32 | (slot + 1)`. The number of entries is a power of two.
    private var entries: [UInt64] = []
    /// Ids in the index, and entries marked ``removed``.
    private var live = 0
    private var removedCount = 0
    private static let removed = UInt64.max

    var count: Int { live }

    /// The slot of the id whose hash is `hash`: `isID(slot)` says whether the record in a slot
    /// has the id sought (ids are compared as Swift compares strings).
    @inline(__always)
    func slot(hash: UInt32, where isID: (Int) -> Bool) -> Int? {
        guard !entries.isEmpty else { return nil }
        let mask = entries.count - 1
        var i = Int(hash) & mask
        while true {
            let e = entries[i]
            if e == 0 { return nil }
            if e != Self.removed, UInt32(truncatingIfNeeded: e >> 32) == hash {
                let slot = Int(e & 0xFFFF_FFFF) - 1
                if isID(slot) { return slot }
            }
            i = (i + 1) & mask
        }
    }

    /// Adds an id that is not in the index yet.
    mutating func insert(hash: UInt32, slot: Int) {
        if (live + removedCount + 1) * 2 > entries.count { rebuild(minimumCount: live + 1) }
        let mask = entries.count - 1
        var i = Int(hash) & mask
        while entries[i] != 0 && entries[i] != Self.removed { i = (i + 1) & mask }
        if entries[i] == Self.removed { removedCount -= 1 }
        entries[i] = UInt64(hash) << 32 | UInt64(slot + 1)
        live += 1
    }

    /// Removes the id with this hash in `slot`.
    mutating func remove(hash: UInt32, slot: Int) {
        let entry = UInt64(hash) << 32 | UInt64(slot + 1)
        let mask = entries.count - 1
        var i = Int(hash) & mask
        while entries[i] != entry {
            precondition(entries[i] != 0, "id of slot \(slot) is not indexed")
            i = (i + 1) & mask
        }
        entries[i] = Self.removed
        live -= 1
        removedCount += 1
    }

    /// Room for `n` ids without growing (a file being loaded).
    mutating func reserve(_ n: Int) {
        if (live + removedCount + n) * 2 > entries.count { rebuild(minimumCount: live + n) }
    }

    /// Rehashes into a table with room for `minimumCount` ids at half load, dropping the
    /// removed entries.
    private mutating func rebuild(minimumCount: Int) {
        var size = 16
        while size < minimumCount * 2 { size *= 2 }
        let old = entries
        entries = Array(repeating: 0, count: size)
        removedCount = 0
        let mask = size - 1
        for e in old where e != 0 && e != Self.removed {
            var i = Int(UInt32(truncatingIfNeeded: e >> 32)) & mask
            while entries[i] != 0 { i = (i + 1) & mask }
            entries[i] = e
        }
    }

    // MARK: - Hashing

    /// A hash of an id that agrees wherever Swift's `==` does: strings that are canonically
    /// equivalent hash the same.
    ///
    /// An ASCII id (nearly all) hashes its bytes. A non-ASCII string can equal an ASCII one
    /// only through the three canonical singletons that decompose to ASCII (KELVIN SIGN is
    /// `K`, GREEK QUESTION MARK is `;`, GREEK VARIA is `` ` ``): such a string hashes as the
    /// ASCII it stands for; any other goes through `String.hashValue`, which respects
    /// canonical equivalence.
    static func hash(_ id: String) -> UInt32 {
        let fast = id.utf8.withContiguousStorageIfAvailable { bytes -> UInt32? in
            bytes.allSatisfy { $0 < 0x80 } ? hash(bytes: UnsafeRawBufferPointer(bytes)) : nil
        }
        if let fast = fast ?? nil { return fast }
        var ascii: [UInt8] = []
        for scalar in id.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: ascii.append(UInt8(scalar.value))
            case 0x212A: ascii.append(UInt8(ascii: "K"))
            case 0x037E: ascii.append(UInt8(ascii: ";"))
            case 0x1FEF: ascii.append(UInt8(ascii: "`"))
            default: return UInt32(truncatingIfNeeded: id.hashValue)
            }
        }
        return ascii.withUnsafeBytes { hash(bytes: $0) }
    }

    /// FxHash-style mixing of 8 bytes at a time, then a final avalanche (the low bits pick
    /// the entry).
    private static func hash(bytes: UnsafeRawBufferPointer) -> UInt32 {
        var h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = ((h << 5 | h >> 59) ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x517C_C1B7_2722_0A95
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for j in i..<bytes.count { tail |= UInt64(bytes[j]) << (8 * (j - i)) }
            h = ((h << 5 | h >> 59) ^ tail) &* 0x517C_C1B7_2722_0A95
        }
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }
}
