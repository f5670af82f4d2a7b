/// The lines of a streamed source that a diagnostic or `--echo` may still quote: those of the
/// command being run and of the parts parsed ahead of it, never the whole source.
///
/// A ``StreamParser`` appends whole lines as it reads them; the runner forgets the lines
/// before each command it runs (``forget(before:)``), so a script of a gigabyte is held a
/// few megabytes at a time. A line that was forgotten is not quoted: its diagnostic shows
/// only `name:line:column`. Appended on the parsing thread, read on the runner's: locked.
///
///     window.append(part, at: offset, line: firstLine)
///     window.lineBytes(12)     // the bytes of line 12, if still held
public final class SourceWindow: @unchecked Sendable {
    /// Consecutive lines of the source, from the start of `firstLine`.
    private final class Block {
        let offset: Int
        let firstLine: Int
        let bytes: [UInt8]
        /// Where each line starts in `bytes`, found on first use (see ``SourceFile``).
        var starts: [UInt32]?

        init(offset: Int, firstLine: Int, bytes: [UInt8]) {
            self.offset = offset
            self.firstLine = firstLine
            self.bytes = bytes
        }

        func lineStarts() -> [UInt32] {
            if let starts { return starts }
            var found: [UInt32] = [0]
            bytes.withUnsafeBufferPointer { buffer in
                for i in buffer.indices where buffer[i] == UInt8(ascii: "\n") { found.append(UInt32(i + 1)) }
            }
            starts = found
            return found
        }
    }

    private let monitor = Monitor()
    private var blocks: [Block] = []
    /// Blocks before this index are forgotten (kept as slots so that indices stay put).
    private var first = 0

    public init() {}

    /// Adds the text that follows what was appended before: it starts at the start of line
    /// `line`, at UTF-8 offset `offset` in the source.
    public func append(_ bytes: [UInt8], at offset: Int, line: Int) {
        monitor.locked { blocks.append(Block(offset: offset, firstLine: line, bytes: bytes)) }
    }

    /// Forgets the blocks that end before line `line`.
    public func forget(before line: Int) {
        monitor.locked {
            while first + 1 < blocks.count, blocks[first + 1].firstLine <= line {
                blocks[first] = Block(offset: 0, firstLine: blocks[first].firstLine, bytes: [])
                first += 1
            }
            // Slots of forgotten blocks are dropped now and then, not at every command.
            if first > 64 {
                blocks.removeFirst(first)
                first = 0
            }
        }
    }

    /// Forgets every line: the source has been run.
    public func clear() {
        monitor.locked {
            blocks = []
            first = 0
        }
    }

    /// The bytes of a 1-based line, without its line end, and the offset of its first byte;
    /// nil when the line is not held.
    public func lineBytes(_ number: Int) -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        monitor.locked {
            guard let block = block(holding: number) else { return nil }
            let starts = block.lineStarts()
            let index = number - block.firstLine
            guard index < starts.count else { return nil }
            let start = Int(starts[index])
            var end = index + 1 < starts.count ? Int(starts[index + 1]) : block.bytes.count
            while end > start, block.bytes[end - 1] == UInt8(ascii: "\n") || block.bytes[end - 1] == UInt8(ascii: "\r") {
                end -= 1
            }
            return (block.bytes[start..<end], block.offset + start)
        }
    }

    /// The bytes from UTF-8 offset `start` to `end` of the source, as far as they are held.
    public func bytes(from start: Int, to end: Int) -> [UInt8] {
        monitor.locked {
            var out: [UInt8] = []
            for block in blocks[first...] where block.offset < end && block.offset + block.bytes.count > start {
                let from = max(start, block.offset) - block.offset
                let to = min(end, block.offset + block.bytes.count) - block.offset
                out.append(contentsOf: block.bytes[from..<to])
            }
            return out
        }
    }

    /// The last line number held (the line count of the source, once all of it was read).
    public var lastLine: Int {
        monitor.locked {
            guard let last = blocks.last else { return 0 }
            return last.firstLine + last.lineStarts().count - 1
        }
    }

    /// The block that holds line `number` (the one that starts last at or before it).
    private func block(holding number: Int) -> Block? {
        var result: Block?
        for block in blocks[first...] {
            guard block.firstLine <= number else { break }
            result = block
        }
        return result
    }
}
