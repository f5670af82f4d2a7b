import Testing

#if canImport(Glibc)
    import Glibc
#endif
@testable import CTSLanguage

/// The queue between the parsing thread and the runner, and the background parser over it:
/// items come in order, the consumer can stop the producer early, and a producer that
/// finishes first leaves everything for the consumer.
@Suite("Background parsing")
struct BackgroundParserTests {
    @Test func batchesComeOutInOrder() {
        let queue = BatchQueue<Int>(capacity: 2)
        let producer = JoinableThread {
            for i in 0..<100 { #expect(queue.put([2 * i, 2 * i + 1])) }
            queue.finish()
        }
        var seen: [Int] = []
        while let batch = queue.take() { seen += batch }
        producer.join()
        #expect(seen == Array(0..<200))
    }

    @Test func aProducerThatFinishesFirstLeavesEveryBatch() {
        let queue = BatchQueue<Int>(capacity: 4)
        for i in 0..<3 { #expect(queue.put([i])) }
        queue.finish()
        #expect(queue.take() == [0])
        #expect(queue.take() == [1])
        #expect(queue.take() == [2])
        #expect(queue.take() == nil)
        #expect(queue.take() == nil)
    }

    @Test func cancellingWakesAProducerWaitingOnAFullQueue() {
        let queue = BatchQueue<Int>(capacity: 1)
        let produced = Counter()
        let producer = JoinableThread {
            // Stops at the first refused batch: without cancel this would run forever.
            while queue.put([produced.value]) { produced.increment() }
        }
        #expect(queue.take() != nil)
        queue.cancel()
        producer.join()
        #expect(queue.isCancelled)
        #expect(queue.take() == nil)
        #expect(!queue.put([1]))
        #expect(produced.value <= 3, "the producer stops within a batch or two of the cancel")
    }

    @Test func aBatchGivenBackIsFreedOnTheProducersThread() {
        let queue = BatchQueue<Tracked>(capacity: 1)
        let freedOn = ThreadLog()
        let producerThread = ThreadLog()
        let producer = JoinableThread {
            producerThread.record(pthread_self())
            // The third put waits until the second batch is taken, which hands the first back.
            for _ in 0..<3 { #expect(queue.put([Tracked(freedOn)])) }
            queue.finish()
        }
        var batch = queue.take()!
        var next = queue.take(returning: &batch)!
        #expect(batch.isEmpty, "the queue took the batch from the consumer")
        producer.join()
        #expect(freedOn.threads.count == 1)
        #expect(freedOn.threads == producerThread.threads, "the producer's last put freed it")
        while let more = queue.take(returning: &next) { next = more }
    }

    @Test func itemsAreThoseOfTheParserInOrder() {
        let text = (0..<1000).map { i in
            i % 97 == 5 ? "cadre add" : "cadre add c\(i) \"N \(i)\" unit=u rank=county category=leading"
        }.joined(separator: "\n")
        let expected = Parser.parse(text, fileID: 7)
        let parser = BackgroundParser(bytes: Array(text.utf8), fileID: 7, batchSize: 16, queueCapacity: 2)
        var items: [ParsedItem] = []
        while let item = parser.next() { items.append(item) }
        parser.stop()
        #expect(items.count == 1000)
        #expect(items == expected)
        #expect(parser.next() == nil)
    }

    @Test func stoppingEarlyEndsTheParsingThread() {
        let text = String(repeating: "echo a line\n", count: 200_000)
        let parser = BackgroundParser(bytes: Array(text.utf8), fileID: 0, batchSize: 8, queueCapacity: 2)
        for _ in 0..<20 { #expect(parser.next() != nil) }
        parser.stop()
        #expect(parser.next() == nil)
        parser.stop()  // a second stop does nothing
    }

    /// The parsing thread has the stack that nesting up to the limit needs.
    @Test func deepNestingParsesOnTheParsingThread() {
        let depth = Parser.maxNesting - 1
        let text =
            "print " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
            + "\nprint " + String(repeating: "-(", count: depth) + "1" + String(repeating: ")", count: depth)
        let parser = BackgroundParser(bytes: Array(text.utf8), fileID: 0)
        var items: [ParsedItem] = []
        while let item = parser.next() { items.append(item) }
        parser.stop()
        #expect(items == Parser.parse(text, fileID: 0))
        #expect(items.count == 2)
    }

    @Test func anEmptySourceGivesNothing() {
        let parser = BackgroundParser(bytes: [], fileID: 0)
        #expect(parser.next() == nil)
        parser.stop()
    }
}

/// Records the threads an object was freed on.
private final class Tracked: Sendable {
    let log: ThreadLog
    init(_ log: ThreadLog) { self.log = log }
    deinit { log.record(pthread_self()) }
}

/// Threads, in the order recorded, from any thread.
private final class ThreadLog: @unchecked Sendable {
    private let monitor = Monitor()
    private var recorded: [pthread_t] = []
    var threads: [pthread_t] { monitor.locked { recorded } }
    func record(_ thread: pthread_t) { monitor.locked { recorded.append(thread) } }
}

/// A count two threads share.
private final class Counter: @unchecked Sendable {
    private let monitor = Monitor()
    private var count = 0
    var value: Int { monitor.locked { count } }
    func increment() { monitor.locked { count += 1 } }
}
