import CTSDomain

// `import COLLECTION from "FILE.json"`, part one: a streaming reader of a JSON array of objects
// that yields one object at a time, with the line and column of every key and value. The
// importer (CSVImporter+JSON.swift) checks them like the rows of a CSV file.

/// One value of a JSON object, as the importer takes it.
public enum JSONScalar: Hashable, Sendable {
    /// A string, or a number or `true`/`false` as written: read like the text of a CSV cell.
    case text(String)
    /// `null`: the field is absent, as an empty cell.
    case null
    /// An object or an array, which no field takes.
    case nested(array: Bool)
}

/// One `"key": value` of an object, with where its value starts.
public struct JSONField: Hashable, Sendable {
    public var key: String
    public var value: JSONScalar
    /// 1-based line and column (in Unicode scalars) of the key's opening quote.
    public var keyLine: Int
    public var keyColumn: Int
    public var keyWidth: Int
    /// Where the value starts, and how many characters it takes on that line.
    public var line: Int
    public var column: Int
    public var width: Int
}

/// One object of the array: its 1-based index, where its `{` is, its fields in order, and its
/// text from the start of the line it starts on (for errors).
public struct JSONRecord: Hashable, Sendable {
    public var index: Int
    public var line: Int
    public var column: Int
    public var fields: [JSONField]
    var source: String

    /// The text of physical line `line` of this object (nil when it has no such line).
    public func text(ofLine line: Int) -> String? {
        CSVRow(line: self.line, fields: [], endLine: self.line, endColumn: 1, source: source).text(ofLine: line)
    }
}

/// Reads `[ {...}, {...}, ... ]` from UTF-8 bytes that arrive in chunks, one object at a time,
/// so a file of any size is read in bounded memory (one chunk and one object, at most
/// ``CSVReader/maxRowBytes``). Values nested in an object are skipped (at most 64 deep) and
/// returned as ``JSONScalar/nested(array:)`` for the importer to refuse by name. Text that is
/// not JSON throws a ``CSVImportError`` at its line and column.
///
///     var reader = JSONRecordReader(text: #"[{"id": "c1", "born": 1970}]"#)
///     while let object = try reader.next() { print(object.index, object.fields.map(\.key)) }
///     // 1 ["id", "born"]
public struct JSONRecordReader {
    private var bytes: ByteChunks
    private var started = false
    private var finished = false
    private var count = 0
    private var line = 1
    private var column = 1
    private var afterCR = false
    /// The bytes of the current line so far; an object's text starts with those before its `{`.
    private var lineStart: [UInt8] = []
    /// The bytes of the object being read (nil between objects).
    private var raw: [UInt8]?
    private var objectLine = 1

    /// The deepest a value may nest inside an object.
    public static let maxDepth = 64

    /// A reader over chunks of UTF-8 bytes: `chunks` returns the next piece, or nil at the end.
    public init(chunks: @escaping () throws -> [UInt8]?) {
        bytes = ByteChunks(chunks)
    }

    /// A reader over text held in memory.
    public init(text: String) {
        bytes = ByteChunks(text: text)
    }

    /// The next object of the array, or nil after its `]`.
    public mutating func next() throws -> JSONRecord? {
        if finished { return nil }
        if !started {
            started = true
            if try peek() == 0xEF {
                take()
                guard try peek() == 0xBB else { throw syntax(.jsonNotAnArray) }
                take()
                guard try peek() == 0xBF else { throw syntax(.jsonNotAnArray) }
                take()
                lineStart = []
                column = 1
            }
            try skipSpace()
            guard try peek() == Byte.openBracket else { throw syntax(.jsonNotAnArray, width: 1) }
            take()
            try skipSpace()
            if try peek() == Byte.closeBracket {
                take()
                try end()
                return nil
            }
        } else {
            try skipSpace()
            switch try peek() {
            case Byte.closeBracket:
                take()
                try end()
                return nil
            case Byte.comma:
                take()
                try skipSpace()
            case nil: throw syntax(.jsonUnexpectedEnd(expected: "',' or ']'"))
            default: throw syntax(.jsonExpected("',' or ']' after an object"))
            }
        }
        count += 1
        guard try peek() == Byte.openBrace else {
            throw syntax(.jsonNotAnObject(count, found: try describeNext()))
        }
        raw = lineStart
        objectLine = line
        let start = (line, column)
        take()
        var fields: [JSONField] = []
        try skipSpace()
        if try peek() == Byte.closeBrace {
            take()
        } else {
            while true {
                try skipSpace()
                let keyAt = (line, column)
                guard try peek() == Byte.quote else { throw try expected("a key in quotes") }
                let key = try string()
                let keyWidth = column - keyAt.1
                try skipSpace()
                guard try peek() == Byte.colon else { throw try expected("':' after the key") }
                take()
                try skipSpace()
                let valueAt = (line, column)
                let value = try scalar()
                let width = line == valueAt.0 ? column - valueAt.1 : 1
                fields.append(
                    JSONField(
                        key: key, value: value, keyLine: keyAt.0, keyColumn: keyAt.1, keyWidth: keyWidth,
                        line: valueAt.0, column: valueAt.1, width: width))
                try skipSpace()
                try checkSize()
                if try peek() == Byte.comma {
                    take()
                    continue
                }
                guard try peek() == Byte.closeBrace else { throw try expected("',' or '}' after a value") }
                take()
                break
            }
        }
        let record = JSONRecord(
            index: count, line: start.0, column: start.1, fields: fields,
            source: String(decoding: raw ?? [], as: UTF8.self))
        raw = nil
        return record
    }

    // MARK: Values

    /// A value of an object's field: a nested one is skipped.
    private mutating func scalar() throws -> JSONScalar {
        switch try peek() {
        case Byte.quote: return .text(try string())
        case Byte.openBrace, Byte.openBracket:
            let array = try peek() == Byte.openBracket
            try skipValue(depth: 1)
            return .nested(array: array)
        case nil: throw syntax(.jsonUnexpectedEnd(expected: "a value"))
        default:
            let at = (line, column)
            let word = try bareWord()
            switch word {
            case "null": return .null
            case "true", "false": return .text(word)
            default:
                guard Self.isNumber(word) else { throw syntax(.jsonExpected("a value"), at: at, width: word.count) }
                return .text(word)
            }
        }
    }

    /// Skips any value, objects and arrays as a whole.
    private mutating func skipValue(depth: Int) throws {
        guard depth <= Self.maxDepth else { throw syntax(.jsonTooDeep(Self.maxDepth)) }
        switch try peek() {
        case Byte.quote: _ = try string()
        case Byte.openBrace, Byte.openBracket:
            let close = try peek() == Byte.openBrace ? Byte.closeBrace : Byte.closeBracket
            let object = close == Byte.closeBrace
            take()
            try skipSpace()
            if try peek() == close {
                take()
                return
            }
            while true {
                try skipSpace()
                if object {
                    guard try peek() == Byte.quote else { throw try expected("a key in quotes") }
                    _ = try string()
                    try skipSpace()
                    guard try peek() == Byte.colon else { throw try expected("':' after the key") }
                    take()
                    try skipSpace()
                }
                try skipValue(depth: depth + 1)
                try skipSpace()
                try checkSize()
                if try peek() == Byte.comma {
                    take()
                    continue
                }
                guard try peek() == close else { throw try expected(object ? "',' or '}'" : "',' or ']'") }
                take()
                return
            }
        case nil: throw syntax(.jsonUnexpectedEnd(expected: "a value"))
        default:
            let at = (line, column)
            let word = try bareWord()
            guard ["null", "true", "false"].contains(word) || Self.isNumber(word) else {
                throw syntax(.jsonExpected("a value"), at: at, width: word.count)
            }
        }
    }

    /// A string from its opening quote, escapes undone.
    private mutating func string() throws -> String {
        let at = (line, column)
        take()
        var bytes: [UInt8] = []
        while true {
            guard let b = try peek() else { throw syntax(.jsonUnclosedString, at: at) }
            if b == Byte.quote {
                take()
                break
            }
            if b < 0x20 { throw syntax(.jsonControlInString) }
            let escapeAt = (line, column)
            take()
            try checkSize()
            guard b == Byte.backslash else {
                bytes.append(b)
                continue
            }
            guard let e = try peek() else { throw syntax(.jsonUnclosedString, at: at) }
            take()
            func bad() -> CSVImportError { syntax(.jsonBadEscape, at: escapeAt, width: 2) }
            switch e {
            case Byte.quote, Byte.backslash, 0x2F: bytes.append(e)
            case 0x62: bytes.append(0x08)
            case 0x66: bytes.append(0x0C)
            case 0x6E: bytes.append(0x0A)
            case 0x72: bytes.append(0x0D)
            case 0x74: bytes.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard try peek() == Byte.backslash else { throw bad() }
                    take()
                    guard try peek() == 0x75 else { throw bad() }
                    take()
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw bad() }
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw bad() }
                bytes.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw bad()
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw syntax(.notUTF8, at: at)
        }
        return text
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = try peek() else { throw syntax(.jsonBadEscape) }
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: throw syntax(.jsonBadEscape)
            }
            take()
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Letters, digits and `+-.` up to the next delimiter: `null`, `true`, a number, or junk.
    private mutating func bareWord() throws -> String {
        var bytes: [UInt8] = []
        while let b = try peek(), b >= 0x21, b != Byte.comma, b != Byte.closeBrace, b != Byte.closeBracket,
            b != Byte.colon, b != Byte.quote, b != Byte.openBrace, b != Byte.openBracket, bytes.count < 400
        {
            take()
            bytes.append(b)
        }
        if bytes.isEmpty { throw syntax(.jsonExpected("a value")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isNumber(_ word: String) -> Bool {
        var s = Array(word.utf8)[...]
        func digits() -> Int {
            var n = 0
            while let d = s.first, (0x30...0x39).contains(d) {
                s.removeFirst()
                n += 1
            }
            return n
        }
        if s.first == 0x2D { s.removeFirst() }
        if s.first == 0x30 {
            s.removeFirst()
        } else if digits() == 0 {
            return false
        }
        if s.first == 0x2E {
            s.removeFirst()
            if digits() == 0 { return false }
        }
        if s.first == 0x65 || s.first == 0x45 {
            s.removeFirst()
            if s.first == 0x2B || s.first == 0x2D { s.removeFirst() }
            if digits() == 0 { return false }
        }
        return s.isEmpty
    }

    /// `what` was expected here: the JSON is not, or it ends too soon.
    private mutating func expected(_ what: String) throws -> CSVImportError {
        try peek() == nil ? syntax(.jsonUnexpectedEnd(expected: what)) : syntax(.jsonExpected(what))
    }

    /// After the closing `]`: only white space may follow.
    private mutating func end() throws {
        try skipSpace()
        if try peek() != nil { throw syntax(.jsonTextAfterArray) }
        finished = true
    }

    private mutating func describeNext() throws -> String {
        switch try peek() {
        case Byte.openBracket: "an array"
        case Byte.quote: "a string"
        case nil: "the end of the file"
        default: "'\(try bareWord())'"
        }
    }

    // MARK: Bytes

    /// An object is read whole, so it may hold at most as much as a CSV row.
    private func checkSize() throws {
        guard let raw, raw.count > CSVReader.maxRowBytes else { return }
        throw CSVImportError(
            CSVProblem.objectTooLong(maxBytes: CSVReader.maxRowBytes), line: objectLine, column: 1,
            lineText: String(decoding: raw.prefix(200), as: UTF8.self))
    }

    private mutating func skipSpace() throws {
        while let b = try peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { take() }
    }

    @inline(__always) private mutating func peek() throws -> UInt8? { try bytes.peek() }

    /// Consumes the byte `peek()` returned, counting lines and columns.
    private mutating func take() {
        let b = bytes.take()
        raw?.append(b)
        if b == 0x0A || b == 0x0D {
            if !(b == 0x0A && afterCR) {
                line += 1
                column = 1
            }
            afterCR = b == 0x0D
            lineStart.removeAll(keepingCapacity: true)
            return
        }
        afterCR = false
        if lineStart.count < 4096 { lineStart.append(b) }
        if b & 0xC0 != 0x80 { column += 1 }
    }

    private func syntax(_ problem: CSVProblem, at: (Int, Int)? = nil, width: Int = 1) -> CSVImportError {
        let (l, c) = at ?? (line, column)
        let text: String?
        if let raw,
            let t = CSVRow(
                line: objectLine, fields: [], endLine: line, endColumn: column,
                source: String(decoding: raw, as: UTF8.self)
            ).text(ofLine: l)
        {
            text = t
        } else {
            text = l == line ? String(decoding: lineStart, as: UTF8.self) : nil
        }
        return CSVImportError(problem, line: l, column: c, width: width, lineText: text)
    }

    private enum Byte {
        static let quote: UInt8 = 0x22
        static let comma: UInt8 = 0x2C
        static let colon: UInt8 = 0x3A
        static let backslash: UInt8 = 0x5C
        static let openBracket: UInt8 = 0x5B
        static let closeBracket: UInt8 = 0x5D
        static let openBrace: UInt8 = 0x7B
        static let closeBrace: UInt8 = 0x7D
    }
}
