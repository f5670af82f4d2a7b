/// Parses a source on a thread of its own, handing its items over in order, so that a long
/// script is parsed while the commands before are run.
///
/// The parser depends on nothing the commands change (the command table and the grammar are
/// constants; variables are looked up when a command runs), so reading ahead cannot change
/// what a line means. Items come in batches through a small ``BatchQueue``: the parser is
/// at most a few batches ahead, so memory stays bounded however long the source. The
/// consumer calls ``stop()`` when it is done, also when it stops early (an error, `quit`):
/// that makes the parsing thread stop and waits for it, so no thread outlives the run and a
/// ten-million-line script is not read to its end after its first error.
///
///     let parser = BackgroundParser(bytes: bytes, fileID: id)
///     defer { parser.stop() }
///     while let item = parser.next() { run(item) }
public final class BackgroundParser {
    /// Items per batch: enough that handing one over costs little per item, few enough that
    /// the runner starts soon and the parser is not far ahead when it stops.
    public static let defaultBatchSize = 512
    /// Batches that may wait: the parser can run ahead of a slow command without waiting.
    public static let defaultQueueCapacity = 3

    private let queue: BatchQueue<ParsedItem>
    private var thread: JoinableThread?
    /// The batch being handed out, and the index of the next item in it. (Moving items out
    /// instead, by reversing the batch and popping, measured slower: an item is large.)
    private var batch: [ParsedItem] = []
    private var index = 0

    /// Starts parsing `bytes` (the source registered as `fileID`).
    public convenience init(
        bytes: [UInt8], fileID: Int, batchSize: Int = defaultBatchSize, queueCapacity: Int = defaultQueueCapacity
    ) {
        self.init(batchSize: batchSize, queueCapacity: queueCapacity) {
            var parser = Parser(bytes: bytes, fileID: fileID)
            return { parser.nextItem() }
        }
    }

    /// Starts parsing the source registered as `fileID` as `chunks` gives it, a part at a
    /// time (``StreamParser``), showing its lines through `window`. `chunks` is called on
    /// the parsing thread only.
    public convenience init(
        fileID: Int, window: SourceWindow, chunks: @escaping @Sendable () -> [UInt8]?,
        batchSize: Int = defaultBatchSize, queueCapacity: Int = defaultQueueCapacity
    ) {
        self.init(batchSize: batchSize, queueCapacity: queueCapacity) {
            var parser = StreamParser(fileID: fileID, window: window, chunks: chunks)
            return { parser.nextItem() }
        }
    }

    /// Starts a thread that makes a parser with `makeParser` and hands on what it reads.
    private init(batchSize: Int, queueCapacity: Int, makeParser: @escaping @Sendable () -> () -> ParsedItem?) {
        let queue = BatchQueue<ParsedItem>(capacity: queueCapacity)
        self.queue = queue
        thread = JoinableThread {
            let next = makeParser()
            var items: [ParsedItem] = []
            items.reserveCapacity(batchSize)
            while let item = next() {
                items.append(item)
                if items.count == batchSize {
                    guard queue.put(items) else { return }
                    items.removeAll(keepingCapacity: true)
                }
            }
            if !items.isEmpty { _ = queue.put(items) }
            queue.finish()
        }
    }

    deinit { stop() }

    /// The next item of the source, in order; nil at its end (or after ``stop()``).
    public func next() -> ParsedItem? {
        if index == batch.count {
            guard let next = queue.take(returning: &batch) else { return nil }
            batch = next
            index = 0
        }
        index += 1
        return batch[index - 1]
    }

    /// Stops the parsing thread, if it is still running, and waits for it to end.
    public func stop() {
        guard let thread else { return }
        queue.cancel()
        thread.join()
        self.thread = nil
        batch = []
        index = 0
    }
}
