/// A bounded first-in first-out queue of batches, from one producer thread to one consumer.
///
/// The producer ``put(_:)``s batches and blocks while `capacity` of them wait; the consumer
/// ``take()``s them in order and blocks while none waits. Either side may end it: the
/// producer with ``finish()`` (the consumer then drains what is left, then gets nil), the
/// consumer with ``cancel()`` (the producer's next or current `put` returns false, so it stops
/// instead of producing for no one).
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
    private var finished = false
    private var cancelled = false

    init(capacity: Int) {
        precondition(capacity >= 1)
        self.capacity = capacity
    }

    /// Adds a batch, waiting while the queue is full; false (the batch dropped) once the
    /// consumer has cancelled.
    func put(_ batch: [Element]) -> Bool {
        monitor.locked {
            while !cancelled && batches.count - head >= capacity { monitor.wait() }
            guard !cancelled else { return false }
            batches.append(batch)
            monitor.broadcast()
            return true
        }
    }

    /// The producer's last call: no more batches come.
    func finish() {
        monitor.locked {
            finished = true
            monitor.broadcast()
        }
    }

    /// The next batch, waiting while there is none; nil once the producer has finished and
    /// every batch was taken, or after ``cancel()``.
    func take() -> [Element]? {
        monitor.locked {
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

    /// The consumer stops: batches waiting are dropped and the producer's `put` returns false.
    func cancel() {
        monitor.locked {
            cancelled = true
            batches = []
            head = 0
            monitor.broadcast()
        }
    }

    /// Whether the consumer has cancelled: the producer may ask between batches.
    var isCancelled: Bool { monitor.locked { cancelled } }
}
