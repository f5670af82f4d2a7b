/// A position in a source file. `line` and `column` are 1-based; `column` counts Unicode
/// scalars (characters as a user sees them in an editor), `utf8Offset` is 0-based.
///
/// Every token, argument and AST node carries two of these, so they are stored in 32 bits
/// each (16 bytes, not 32): a source is at most 4 GiB (``maxSourceBytes``). The accessors
/// read and write them as `Int`.
public struct SourceLocation: Hashable, Sendable, Comparable {
    private var storedFileID: Int32
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var storedOffset: UInt32

    /// The largest source a location can point into.
    public static let maxSourceBytes = Int(UInt32.max)

    public var fileID: Int {
        get { Int(storedFileID) }
        set { storedFileID = Int32(newValue) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(newValue) }
    }

    public var utf8Offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(newValue) }
    }

    public init(fileID: Int, line: Int, column: Int, utf8Offset: Int) {
        storedFileID = Int32(fileID)
        storedLine = UInt32(line)
        storedColumn = UInt32(column)
        storedOffset = UInt32(utf8Offset)
    }

    /// A location from the values as stored, for the lexer, which keeps its cursor in them.
    init(fileID: Int32, line: UInt32, column: UInt32, offset: UInt32) {
        storedFileID = fileID
        storedLine = line
        storedColumn = column
        storedOffset = offset
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.storedOffset < b.storedOffset }
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
