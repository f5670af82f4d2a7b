#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CTSDomain

/// Turns the bytes of a file in one of the ``TextEncoding``s into UTF-8 as they arrive, chunk
/// by chunk, with the C library's iconv, for the readers of `import` (which read UTF-8).
///
/// A byte order mark at the start decides over the encoding asked for: `EF BB BF` is UTF-8
/// (left for the reader to skip), `FF FE` UTF-16 little-endian, `FE FF` big-endian (both
/// dropped). UTF-16 without one is little-endian. UTF-8 passes through unchanged: the readers
/// check it themselves, field by field. Bytes that are no text in the encoding (or a file that
/// ends inside a character) throw a ``CSVImportError`` at the line and column they would have
/// had, counted in the text converted before them, the way the readers count.
///
///     let utf8 = Transcoder(.gb18030, chunks: { try file.read() })
///     var reader = CSVReader(chunks: { try utf8.next() })
public final class Transcoder {
    private let source: () throws -> [UInt8]?
    private let asked: TextEncoding
    /// The encoding being read (after the byte order mark); nil before the first chunk.
    public private(set) var encoding: TextEncoding?
    private var converter: iconv_t?
    /// Bytes read but not yet converted: the start of a character cut by the end of a chunk.
    private var pending: [UInt8] = []
    private var exhausted = false
    /// Whether `pending` has bytes that no conversion has tried yet.
    private var untried = false
    // Where the converted text has got to, for an error (1-based; columns in Unicode scalars).
    private var line = 1
    private var column = 1
    private var afterCR = false
    /// The converted bytes of the current line (at most ``keptLineBytes``), to quote.
    private var lineBytes: [UInt8] = []
    private static let keptLineBytes = 4096

    /// A transcoder from `encoding` over `chunks`, which returns the next piece of the file or
    /// nil at its end.
    public init(_ encoding: TextEncoding, chunks: @escaping () throws -> [UInt8]?) {
        asked = encoding
        source = chunks
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    /// The next piece of the text as UTF-8, or nil at the end.
    public func next() throws -> [UInt8]? {
        if encoding == nil { try start() }
        if converter == nil {
            // UTF-8: what was read to find the byte order mark first, then the file as it is.
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            return try source()
        }
        while true {
            if untried {
                untried = false
                let converted = try convert()
                if !converted.isEmpty { return converted }
            }
            if exhausted {
                guard pending.isEmpty else { throw error(.endsInsideCharacter(encodingName)) }
                return nil
            }
            if let more = try source() {
                pending += more
                untried = !more.isEmpty
            } else {
                exhausted = true
            }
        }
    }

    private var encodingName: String { (encoding ?? asked).displayName }

    /// Reads the first bytes to look for a byte order mark, and opens the converter.
    private func start() throws {
        while pending.count < 3, !exhausted {
            guard let more = try source() else {
                exhausted = true
                break
            }
            pending += more
        }
        var from: String
        switch (pending.first, pending.dropFirst().first) {
        case (0xFF, 0xFE):
            pending.removeFirst(2)
            encoding = .utf16
            from = "UTF-16LE"
        case (0xFE, 0xFF):
            pending.removeFirst(2)
            encoding = .utf16
            from = "UTF-16BE"
        case (0xEF, 0xBB) where pending.count >= 3 && pending[2] == 0xBF:
            encoding = .utf8
            return
        default:
            encoding = asked
            switch asked {
            case .utf8: return
            case .gb18030: from = "GB18030"
            case .utf16: from = "UTF-16LE"
            }
        }
        let opened = iconv_open("UTF-8", from)
        guard let opened, opened != iconv_t(bitPattern: -1) else {
            throw CSVImportError(
                CSVProblem.encodingUnavailable(encodingName, reason: String(cString: strerror(errno))), line: 1,
                column: 1)
        }
        converter = opened
        untried = !pending.isEmpty
    }

    /// Converts as much of `pending` as forms whole characters; keeps the rest.
    private func convert() throws -> [UInt8] {
        guard !pending.isEmpty else { return [] }
        var output = [UInt8](repeating: 0, count: pending.count * 2 + 16)
        var produced = 0
        var consumed = 0
        var failure: Int32 = 0
        pending.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                input.baseAddress!.withMemoryRebound(to: CChar.self, capacity: input.count) { inBase in
                    out.baseAddress!.withMemoryRebound(to: CChar.self, capacity: out.count) { outBase in
                        var inPointer: UnsafeMutablePointer<CChar>? = inBase
                        var inLeft = input.count
                        var outPointer: UnsafeMutablePointer<CChar>? = outBase
                        var outLeft = out.count
                        if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { failure = errno }
                        consumed = input.count - inLeft
                        produced = out.count - outLeft
                    }
                }
            }
        }
        let converted = Array(output[0..<produced])
        follow(converted)
        let rest = Array(pending[consumed...])
        pending = rest
        // Twice the input is room enough for its UTF-8; if not, the rest goes in the next call.
        if failure == E2BIG {
            untried = true
            failure = 0
        }
        if failure == EILSEQ {
            throw error(.notInEncoding(encodingName, bytes: Array(rest.prefix(4))))
        }
        if failure != 0 && failure != EINVAL {
            throw error(.encodingUnavailable(encodingName, reason: String(cString: strerror(failure))))
        }
        return converted
    }

    /// Follows the line and column through converted text, as the readers count them.
    private func follow(_ bytes: [UInt8]) {
        for b in bytes {
            if b == 0x0A || b == 0x0D {
                if !(b == 0x0A && afterCR) {
                    line += 1
                    column = 1
                    lineBytes.removeAll(keepingCapacity: true)
                }
                afterCR = b == 0x0D
                continue
            }
            afterCR = false
            if b & 0xC0 != 0x80 { column += 1 }
            if lineBytes.count < Self.keptLineBytes { lineBytes.append(b) }
        }
    }

    private func error(_ problem: CSVProblem) -> CSVImportError {
        CSVImportError(problem, line: line, column: column, lineText: String(decoding: lineBytes, as: UTF8.self))
    }
}
