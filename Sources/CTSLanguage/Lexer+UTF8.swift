/// Bytes that are not UTF-8 text, and raw NUL bytes (issue 7, item 22; a NUL written as the
/// escape `\u{0}` is deliberate and allowed). A script comes as
/// bytes; text must come back intact (spec §1), so nothing is replaced or dropped silently:
/// each such place is an error token at its line and column.
extension Lexer {
    /// Bytes at `pos` that are not UTF-8: one error for the bad byte and the continuation bytes
    /// after it.
    mutating func invalidUTF8() {
        let start = pos
        let byte = bytes[start]
        pos += 1
        while pos < bytes.count, bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        emit(.invalidUTF8(byte: byte), start, pos)
    }

    mutating func nul() {
        emit(.nul, pos, pos + 1)
        pos += 1
    }

    /// The length of the UTF-8 sequence that starts at `p`, or nil when the bytes there are
    /// not UTF-8 (a stray continuation byte, a cut or overlong sequence, a surrogate, a value
    /// past U+10FFFF).
    public static func sequenceLength(_ bytes: [UInt8], at p: Int) -> Int? {
        let n = bytes.count
        let b0 = bytes[p]
        if b0 < 0x80 { return 1 }
        func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            p + k < n && bytes[p + k] >= low && bytes[p + k] <= high
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : nil
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : nil
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : nil
        case 0xE1...0xEF: return cont(1) && cont(2) ? 3 : nil
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : nil
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : nil
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : nil
        default: return nil
        }
    }

    /// Whether all of `bytes` is UTF-8, checked without copying them into a `String` (a script
    /// may be hundreds of megabytes). Runs of ASCII, most of a script, are checked eight bytes
    /// at a time.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i < n {
                if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                } else if raw[i] < 0x80 {
                    i += 1
                } else if let length = sequenceLength(bytes, at: i) {
                    i += length
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Text to show for the bytes of a source in messages: the bytes themselves when they are
    /// UTF-8, else each byte that is not shown as `?`, so offsets and lines stay the same.
    public static func displayText(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        if isValidUTF8(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out = bytes
        var i = 0
        while i < out.count {
            if let length = sequenceLength(bytes, at: i) {
                i += length
            } else {
                out[i] = UInt8(ascii: "?")
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SourceBytes {
    /// The offset of the first byte in `[s, e)` that does not start valid UTF-8, or nil.
    func firstInvalidUTF8(from s: Int, to e: Int) -> Int? {
        var i = s
        while i < e {
            if bytes[i] < 0x80 {
                i += 1
            } else if let length = Lexer.sequenceLength(bytes, at: i), i + length <= e {
                i += length
            } else {
                return i
            }
        }
        return nil
    }
}
