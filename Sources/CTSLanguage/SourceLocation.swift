/// A position in a source file. `line` and `column` are 1-based; `column` counts Unicode
/// scalars (characters as a user sees them in an editor), `utf8Offset` is 0-based.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var fileID: Int
    public var line: Int
    public var column: Int
    public var utf8Offset: Int

    public init(fileID: Int, line: Int, column: Int, utf8Offset: Int) {
        self.fileID = fileID
        self.line = line
        self.column = column
        self.utf8Offset = utf8Offset
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.utf8Offset < b.utf8Offset }
}

/// A half-open span `[start, end)` of source text. Every token, AST node and diagnostic has one.
public struct SourceRange: Hashable, Sendable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(_ start: SourceLocation, _ end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The span from the start of `self` to the end of `other`.
    public func through(_ other: SourceRange) -> SourceRange { SourceRange(start, other.end) }

    public var fileID: Int { start.fileID }
}

/// One source text (a script file, a `-c` argument, a line typed at the prompt).
public struct SourceFile: Sendable {
    /// The name printed in diagnostics: a path as given, `<command-line>`, `<stdin>`.
    public let name: String
    public let text: String
    /// UTF-8 offsets at which each line starts.
    public let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        lineStarts = starts
    }

    /// The text of a 1-based line, without its line end.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = Array(text.utf8)
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// Maps file ids to sources, so a location can be printed as `name:line:col` with its line.
public final class SourceFiles: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Registers a source and returns its id.
    public func add(name: String, text: String) -> Int {
        files.append(SourceFile(name: name, text: text))
        return files.count - 1
    }

    public subscript(id: Int) -> SourceFile { files[id] }
}
