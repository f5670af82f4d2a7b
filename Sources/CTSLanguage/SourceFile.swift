/// One source text (a script file, a `-c` argument, a line typed at the prompt).
///
/// It keeps the source's bytes as they were read, the same buffer the parser reads (an
/// `Array` is shared, not copied). What only diagnostics and `--echo` need — where lines
/// start, text to show for bytes that are not UTF-8 — is worked out when first asked for.
/// A script read as a stream (``StreamParser``) keeps no bytes of its own: only the lines
/// its ``SourceWindow`` still holds can be shown.
public struct SourceFile: Sendable {
    /// The name printed in diagnostics: a path as given, `<command-line>`, `<stdin>`.
    public let name: String
    /// The source as read; it need not be UTF-8 (see ``Lexer/displayText(_:)``). Empty for a
    /// streamed source.
    public let bytes: [UInt8]
    private let index: LineIndex
    private let window: SourceWindow?

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        index = LineIndex()
        window = nil
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// A source read as a stream: what can be shown of it is what `window` holds.
    public init(name: String, window: SourceWindow) {
        self.name = name
        bytes = []
        index = LineIndex()
        self.window = window
    }

    /// The whole source as text to show (``Lexer/displayText(_:)``). It is made on each call:
    /// prefer ``line(_:)`` or ``text(_:)``.
    public var text: String { Lexer.displayText(window?.bytes(from: 0, to: Int.max) ?? bytes) }

    /// UTF-8 offsets at which each line starts (made on each call: prefer ``lineCount``).
    public var lineStarts: [Int] { index.starts(of: bytes).map { Int($0) } }

    /// How many lines the source has (an empty source has one, empty, line); of a streamed
    /// source, the last line read so far.
    public var lineCount: Int { window?.lastLine ?? index.starts(of: bytes).count }

    /// The text of a 1-based line, without its line end, as it is shown.
    public func line(_ number: Int) -> String {
        lineBytes(number).map { Lexer.displayText($0.bytes) } ?? ""
    }

    /// The bytes of a 1-based line, without its line end, and the UTF-8 offset of its first
    /// byte in the source; nil when there is no such line (or a stream no longer holds it).
    /// A diagnostic quotes a part of them: a line may be a hundred megabytes long.
    public func lineBytes(_ number: Int) -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        if let window { return window.lineBytes(number) }
        let starts = index.starts(of: bytes)
        guard number >= 1, number <= starts.count else { return nil }
        let start = Int(starts[number - 1])
        var end = number < starts.count ? Int(starts[number]) : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return (bytes[start..<end], start)
    }

    /// The text of `range`, as it is shown (a range never splits a character).
    public func text(_ range: SourceRange) -> String {
        if let window { return Lexer.displayText(window.bytes(from: range.start.utf8Offset, to: range.end.utf8Offset)) }
        return Lexer.displayText(bytes[range.start.utf8Offset..<range.end.utf8Offset])
    }

    /// Lets a streamed source forget the lines before `line` (nothing for one held whole).
    public func forget(before line: Int) { window?.forget(before: line) }

    /// Whether the source is read as a stream (see ``SourceWindow``).
    public var isStreamed: Bool { window != nil }
}

/// Where the lines of a source start, found on first use (most sources never need it) and
/// kept: 32-bit offsets, as in ``SourceLocation``, so that a source of ten million lines
/// costs 40 MB only once a diagnostic quotes one of them.
private final class LineIndex: Sendable {
    private let monitor = Monitor()
    nonisolated(unsafe) private var cached: [UInt32]?

    func starts(of bytes: [UInt8]) -> [UInt32] {
        monitor.locked {
            if let cached { return cached }
            var starts: [UInt32] = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                starts.append(UInt32(offset + 1))
            }
            cached = starts
            return starts
        }
    }
}

/// Maps file ids to sources, so a location can be printed as `name:line:col` with its line.
public final class SourceFiles: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Registers a source and returns its id.
    public func add(name: String, text: String) -> Int {
        add(SourceFile(name: name, text: text))
    }

    /// Registers the bytes of a source (a file, which need not be UTF-8) and returns its id.
    public func add(name: String, bytes: [UInt8]) -> Int {
        add(SourceFile(name: name, bytes: bytes))
    }

    /// Registers a source read as a stream, shown from `window`, and returns its id.
    public func add(name: String, window: SourceWindow) -> Int {
        add(SourceFile(name: name, window: window))
    }

    private func add(_ file: SourceFile) -> Int {
        files.append(file)
        return files.count - 1
    }

    public subscript(id: Int) -> SourceFile { files[id] }
}
