/// Parses a source that arrives in chunks (a script file, standard input) a part at a time,
/// so that memory does not grow with its length: only the part being parsed and the lines
/// that diagnostics may still quote (its ``SourceWindow``) are held.
///
/// A part ends after a newline, at least ``defaultPartBytes`` into the text not yet parsed (or at
/// the end). A newline outside parentheses ends a command, so a fresh ``Parser`` from there
/// reads the rest exactly as one parser over the whole text would; its locations count from
/// the source's start. When a part ends inside a command (a `\` continuation, a `(` still
/// open), the item read for that command is dropped and the command is read again at the
/// start of the next part, which is then at least twice as long: a command of many lines is
/// read whole, in time linear in its length.
///
///     var parser = StreamParser(fileID: id, window: window, chunks: { reader.next() })
///     while let item = parser.nextItem() { run(item) }
public struct StreamParser {
    /// The least a part holds, unless the source ends first: large enough that starting a
    /// parser costs nothing per line, small enough to be nothing next to the records.
    public static let defaultPartBytes = 1 << 20

    private let partBytes: Int
    private let fileID: Int
    private let window: SourceWindow
    private let chunks: () -> [UInt8]?
    /// Text read but not yet parsed; it starts at a command boundary, at `pendingStart`.
    private var pending: [UInt8] = []
    private var pendingStart: SourceLocation
    /// How much of `pending` the window has already been given (it is given whole lines),
    /// and the line that what it has not been given starts.
    private var pendingInWindow = 0
    private var windowLine = 1
    /// Whether `chunks` has said the source ended.
    private var ended = false
    /// Whether the first part (which may start with a byte order mark) has been read.
    private var started = false
    /// The least the next part holds (more than `partBytes` after a part ended in a command).
    private var minimumPart: Int
    private var parser: Parser?
    /// Whether the part being parsed is the last one.
    private var isLastPart = false
    /// The item read last, handed out once the next one is read: the last item of a part may
    /// be the start of a command that the next part completes.
    private var held: ParsedItem?
    private var heldStart = 0

    public init(
        fileID: Int, window: SourceWindow, partBytes: Int = defaultPartBytes, chunks: @escaping () -> [UInt8]?
    ) {
        self.partBytes = partBytes
        minimumPart = partBytes
        self.fileID = fileID
        self.window = window
        self.chunks = chunks
        pendingStart = SourceLocation(fileID: fileID, line: 1, column: 1, utf8Offset: 0)
    }

    /// The next command of the source (or the error in its place), in order; nil at the end.
    public mutating func nextItem() -> ParsedItem? {
        while true {
            if parser == nil {
                guard startPart() else { return takeHeld() }
            }
            if let item = parser!.nextItem() {
                let previous = takeHeld()
                held = item
                heldStart = parser!.itemStart
                if let previous { return previous }
                continue
            }
            if let previous = finishPart() { return previous }
        }
    }

    private mutating func takeHeld() -> ParsedItem? {
        defer { held = nil }
        return held
    }

    /// The part ended: hands out the held item, unless it is a command the part ended inside
    /// (then the text from that command's start waits for more). Nil when nothing is handed out.
    private mutating func finishPart() -> ParsedItem? {
        let finished = parser!
        parser = nil
        windowLine = finished.endLocation.line
        guard !isLastPart, finished.endedInsideCommand else {
            pendingStart = finished.endLocation
            return takeHeld()
        }
        let boundary = pendingStart.utf8Offset + finished.lastBoundary
        if held != nil, heldStart >= boundary { held = nil }
        let part = finished.partBytes
        let tail = part[finished.lastBoundary...]
        pendingStart = location(after: part[..<finished.lastBoundary], from: pendingStart)
        pending = Array(tail) + pending
        pendingInWindow = tail.count
        minimumPart = max(partBytes, 2 * tail.count)
        return takeHeld()
    }

    /// Reads the next part and starts a parser over it; false when the source has ended and
    /// nothing is left to parse.
    private mutating func startPart() -> Bool {
        // Read until the part can end after a newline at `minimumPart` or later, or the text
        // ends; each byte is searched once, however long the line.
        var cut = 0
        var searched = 0
        while !ended {
            let from = max(searched, minimumPart - 1)
            if from < pending.count, let newline = pending[from...].lastIndex(of: UInt8(ascii: "\n")) {
                cut = newline + 1
                break
            }
            searched = max(searched, pending.count)
            if let chunk = chunks() { pending.append(contentsOf: chunk) } else { ended = true }
        }
        if ended { cut = pending.count }
        guard cut > 0 else { return false }
        let part = cut == pending.count ? pending : Array(pending[..<cut])
        // The window gets what it has not seen: whole lines (the text ends after a newline or at the end).
        window.append(
            pendingInWindow == 0 ? part : Array(part[pendingInWindow...]),
            at: pendingStart.utf8Offset + pendingInWindow, line: windowLine)
        pending = cut == pending.count ? [] : Array(pending[cut...])
        pendingInWindow = 0
        isLastPart = ended && pending.isEmpty
        minimumPart = partBytes
        if !started {
            started = true
            parser = Parser(bytes: part, fileID: fileID)
        } else {
            parser = Parser(part: part, fileID: fileID, at: pendingStart)
        }
        return true
    }

    /// The location after `text`, which starts at `start`.
    private func location(after text: ArraySlice<UInt8>, from start: SourceLocation) -> SourceLocation {
        var line = start.line, column = start.column
        for b in text {
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(fileID: fileID, line: line, column: column, utf8Offset: start.utf8Offset + text.count)
    }
}
