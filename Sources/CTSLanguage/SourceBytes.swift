/// The bytes of a source and what the lexer and the parser read from them without changing
/// anything: line ends, runs of word characters, escapes, the text of a range.
///
/// A struct of its own, held as a `let` by the ``Lexer`` and the ``Parser``: a non-mutating
/// method of the whole lexer or parser, called from a mutating one, is handed a copy of all
/// of it (a `memcpy` of a few hundred bytes at every word read, measured), while a method of
/// this `let` is handed it as it is.
struct SourceBytes {
    let bytes: [UInt8]
    /// Whether all of the text is UTF-8 (checked once, fast): then no byte needs checking as
    /// it is scanned.
    let isValidUTF8: Bool
    /// The UTF-8 offset in its source of `bytes[0]`: a script read in parts is parsed a part
    /// at a time (``StreamParser``), and its locations count from the start of the source.
    /// Ranges hold source offsets; indices into `bytes` are those minus `base`.
    var base = 0

    /// The text of `[start, end)`.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text of `range`.
    func text(_ range: SourceRange) -> String { text(range.start.utf8Offset - base, range.end.utf8Offset - base) }

    /// The text of `range` lowercased, as `lowercased()` gives it. Words are mostly ASCII and
    /// already lower case (`cadre`, `add`, `unit`): then the text is taken as it is.
    func lowercasedText(_ range: SourceRange) -> String {
        let text = text(range)
        return isLowerASCII(range) ? text : text.lowercased()
    }

    /// The bytes of `range` lowercased, as `lowercased()` would make them: the source's own
    /// bytes when they are lower-case ASCII already (command names mostly are), else a copy.
    func lowercasedBytes(_ range: SourceRange) -> ArraySlice<UInt8> {
        if isLowerASCII(range) { return bytes[(range.start.utf8Offset - base)..<(range.end.utf8Offset - base)] }
        return ArraySlice(text(range).lowercased().utf8)
    }

    /// Whether the text of `range`, lowercased, is `word` (a keyword: lower-case ASCII),
    /// compared byte by byte. Text that is not ASCII goes through `lowercased()`, which may
    /// map it to ASCII (the Kelvin sign `K` lowercases to `k`).
    func spells(_ range: SourceRange, _ word: String) -> Bool {
        let start = range.start.utf8Offset - base, end = range.end.utf8Offset - base
        for i in start..<end where bytes[i] >= 0x80 { return text(range).lowercased() == word }
        guard end - start == word.utf8.count else { return false }
        // Over the keyword's own bytes: iterating a `String.UTF8View` costs dozens of
        // instructions a byte, and `in` is checked on every enrollment line.
        let matched = word.utf8.withContiguousStorageIfAvailable { keyword in
            keyword.indices.allSatisfy { Self.asciiLowercased(bytes[start + $0]) == keyword[$0] }
        }
        return matched ?? zip(bytes[start..<end], word.utf8).allSatisfy { Self.asciiLowercased($0) == $1 }
    }

    /// Whether the text of `range` is ASCII with no upper-case letter.
    func isLowerASCII(_ range: SourceRange) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer[(range.start.utf8Offset - base)..<(range.end.utf8Offset - base)].allSatisfy {
                $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
            }
        }
    }

    static func asciiLowercased(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }
}

extension SourceBytes {
    /// The length of the line end at `p` (1 for `\n`, 2 for `\r\n`), or 0 if there is none.
    func newlineLength(at p: Int) -> Int {
        guard p < bytes.count else { return 0 }
        if bytes[p] == Byte.newline { return 1 }
        if bytes[p] == Byte.carriageReturn, p + 1 < bytes.count, bytes[p + 1] == Byte.newline { return 2 }
        return 0
    }

    /// The offset of the line end (or the end of the text) at or after `p`.
    func endOfLine(from p: Int) -> Int {
        var i = p
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == Byte.newline { return i }
            if b == Byte.carriageReturn, i + 1 < n, bytes[i + 1] == Byte.newline { return i }
            i += 1
        }
        return n
    }

    /// The end of the run of word characters starting at `p`.
    func scanWordChars(from p: Int) -> Int {
        let i = asciiWordEnd(from: p)
        return i < bytes.count && bytes[i] >= 0x80 ? scanNonASCIIWordChars(from: i) : i
    }

    /// The end of the run of ASCII word characters starting at `p`. Most words are ASCII:
    /// their bytes are skipped without bounds checks.
    func asciiWordEnd(from p: Int) -> Int {
        var i = p
        let n = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            while i < n, Lexer.isASCIIWordChar(buffer[i]) { i += 1 }
        }
        return i
    }

    /// The rest of a word from a byte of 0x80 or more. Apart from ``asciiWordEnd(from:)``
    /// because the Unicode property lookups cost their caller a set-up at every call.
    @inline(never) func scanNonASCIIWordChars(from p: Int) -> Int {
        var i = p
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                guard Lexer.isASCIIWordChar(b) else { break }
                i += 1
            } else {
                guard isValidUTF8 || Lexer.sequenceLength(bytes, at: i) != nil else { break }
                let (scalar, length) = decodeScalar(at: i)
                guard Lexer.isWordContinuation(scalar) else { break }
                i += length
            }
        }
        return i
    }

    /// Reads `\u{XXXX}` whose `u` is at `u`. Returns the scalar (or the problem) and the
    /// offset after what it consumed.
    func unicodeEscape(at u: Int) -> (Unicode.Scalar?, Int, LexProblem?) {
        let n = bytes.count
        let malformed = LexProblem.malformedUnicodeEscape
        var i = u + 1
        guard i < n, bytes[i] == UInt8(ascii: "{") else { return (nil, i, malformed) }
        i += 1
        let digitsStart = i
        var value: UInt32 = 0
        while i < n, let digit = Lexer.hexValue(bytes[i]) {
            if i - digitsStart < 6 { value = value << 4 | UInt32(digit) }
            i += 1
        }
        let count = i - digitsStart
        guard count >= 1, count <= 6, i < n, bytes[i] == UInt8(ascii: "}") else { return (nil, i, malformed) }
        i += 1
        guard let scalar = Unicode.Scalar(value) else {
            let hex = String(decoding: bytes[digitsStart..<(i - 1)], as: UTF8.self)
            return (nil, i, .invalidUnicodeScalar(hex: hex))
        }
        return (scalar, i, nil)
    }
}
