/// A bounded first-in first-out queue of batches, from one producer thread to one consumer.
///
/// The producer ``put(_:)``s batches and blocks while `capacity` of them wait; the consumer
/// ``take()``s them in order and blocks while none waits. Either side may end it: the
/// producer with ``finish()`` (the consumer then drains what is left, then gets nil), the
/// consumer with ``cancel()`` (the producer's next or current `put` returns false, so it stops
/// instead of producing for no one).
///
/// The consumer hands each batch it is done with back (``take(returning:)``), and the
/// producer frees those in its next `put`, outside the lock: destroying a batch's items (the
/// parser allocated them) is then work for the producer's core, not the consumer's, which is
/// the one a long script waits for.
///
///     // producer                          // consumer
///     while let batch = make() {           while let batch = queue.take() {
///         guard queue.put(batch) else {        for x in batch { use(x) }
///             break                        }
///         }
///     }
///     queue.finish()
final class BatchQueue<Element: Sendable>: @unchecked Sendable {
    private let monitor = Monitor()
    private let capacity: Int
    // Guarded by `monitor`.
    private var batches: [[Element]] = []
    private var head = 0
    /// Batches the consumer is done with, for the producer's next `put` to free.
    private var spent: [[Element]] = []
    private var finished = false
    private var cancelled = false

    init(capacity: Int) {
        precondition(capacity >= 1)
        self.capacity = capacity
    }

    /// Adds a batch, waiting while the queue is full; false (the batch dropped) once the
    /// consumer has cancelled.
    func put(_ batch: [Element]) -> Bool {
        var done: [[Element]] = []
        let added = monitor.locked {
            while !cancelled && batches.count - head >= capacity { monitor.wait() }
            guard !cancelled else { return false }
            batches.append(batch)
            swap(&done, &spent)
            monitor.broadcast()
            return true
        }
        done.removeAll()  // here, after the lock is released
        return added
    }

    /// The producer's last call: no more batches come.
    func finish() {
        monitor.locked {
            finished = true
            monitor.broadcast()
        }
    }

    /// The next batch, waiting while there is none (`used`, the batch the consumer is done
    /// with, goes back to the producer to be freed); nil once the producer has finished and
    /// every batch was taken, or after ``cancel()``.
    func take(returning used: inout [Element]) -> [Element]? {
        monitor.locked {
            // Taken from the caller under the lock, so that the producer's reference is the
            // last one and its `put` is where the items are destroyed.
            if !used.isEmpty && !finished && !cancelled { spent.append(used) }
            used = []
            while !cancelled && head == batches.count && !finished { monitor.wait() }
            guard !cancelled, head < batches.count else { return nil }
            let batch = batches[head]
            batches[head] = []
            head += 1
            // Forget the taken slots now and then rather than shifting the array on every take.
            if head == batches.count || head >= 64 {
                batches.removeFirst(head)
                head = 0
            }
            monitor.broadcast()
            return batch
        }
    }

    /// The next batch, as ``take(returning:)`` with no batch to give back.
    func take() -> [Element]? {
        var none: [Element] = []
        return take(returning: &none)
    }

    /// The consumer stops: batches waiting are dropped and the producer's `put` returns false.
    func cancel() {
        monitor.locked {
            cancelled = true
            batches = []
            head = 0
            spent = []
            monitor.broadcast()
        }
    }

    /// Whether the consumer has cancelled: the producer may ask between batches.
    var isCancelled: Bool { monitor.locked { cancelled } }
}
