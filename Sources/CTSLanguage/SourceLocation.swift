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
