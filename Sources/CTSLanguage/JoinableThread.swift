#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread that runs a closure; its owner must ``join()`` it.
final class JoinableThread {
    private var id: pthread_t

    init(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        #if canImport(Glibc)
            var id = pthread_t()
        #else
            var id: pthread_t?
        #endif
        // The stack a main thread has: the recursive descent may nest 100 levels deep
        // (Parser.maxNesting), and some systems give other threads much less (macOS: 512 KiB).
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, Self.stackSize)
        let result = pthread_create(
            &id, &attributes,
            { context in
                let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
                box.body()
                return nil
            }, context)
        precondition(result == 0, "cannot start a thread (error \(result))")
        #if canImport(Glibc)
            self.id = id
        #else
            self.id = id!
        #endif
    }

    static let stackSize = 8 << 20

    /// Waits for the closure to return. Call it once.
    func join() { pthread_join(id, nil) }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
