/// Bytes that arrive in chunks (a file read a piece at a time, or standard input), read one at
/// a time: the cursor under the CSV and JSON readers, so that a file of any size is read in the
/// memory of one chunk. Empty chunks are skipped; what the source throws is passed on.
///
///     var bytes = ByteChunks(text: "id,name\n")
///     while let b = try bytes.peek() { bytes.advance(); ... }
struct ByteChunks {
    private let source: () throws -> [UInt8]?
    private var chunk: [UInt8] = []
    private var index = 0
    private var exhausted = false

    /// `source` returns the next piece, or nil at the end.
    init(_ source: @escaping () throws -> [UInt8]?) {
        self.source = source
    }

    /// The bytes of text held in memory, as one chunk.
    init(text: String) {
        var given = false
        let bytes = Array(text.utf8)
        self.init {
            if given { return nil }
            given = true
            return bytes
        }
    }

    /// The next byte, not consumed; nil at the end.
    @inline(__always) mutating func peek() throws -> UInt8? {
        if index < chunk.count { return chunk[index] }
        return try refill() ? chunk[index] : nil
    }

    /// Consumes the byte ``peek()`` returned.
    @inline(__always) mutating func advance() { index += 1 }

    /// Consumes and returns the byte ``peek()`` returned (only after it returned one).
    @inline(__always) mutating func take() -> UInt8 {
        defer { index += 1 }
        return chunk[index]
    }

    /// Consumes `prefix` if the bytes start with it (a byte order mark), reading on as far as
    /// it needs, across chunks.
    mutating func skip(prefix: [UInt8]) throws -> Bool {
        while chunk.count - index < prefix.count, !exhausted {
            guard let more = try source() else {
                exhausted = true
                break
            }
            chunk = Array(chunk[index...]) + more
            index = 0
        }
        guard chunk.count - index >= prefix.count, chunk[index..<(index + prefix.count)].elementsEqual(prefix) else {
            return false
        }
        index += prefix.count
        return true
    }

    private mutating func refill() throws -> Bool {
        while !exhausted {
            guard let next = try source() else {
                exhausted = true
                break
            }
            if !next.isEmpty {
                chunk = next
                index = 0
                return true
            }
        }
        chunk = []
        index = 0
        return false
    }
}
