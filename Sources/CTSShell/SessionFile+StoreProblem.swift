import CTSDomain
import CTSStore

/// A session file that could not be opened, read or written, as the store phase's problem:
/// the `StoreError`'s kind, and its message (written where the store raises it).
///
///     cts: error: jiangsu.ctsdb is in use by another cts (pid 4242)
///     // StoreProblem(kind: .locked(pid: 4242), ...)
public struct StoreProblem: Problem {
    public var kind: StoreError.Kind
    public var message: String

    public init(_ error: StoreError) {
        kind = error.kind
        message = error.message
    }

    public var phase: Phase { .store }

    public static func == (a: StoreProblem, b: StoreProblem) -> Bool { a.kind == b.kind && a.message == b.message }

    public func hash(into hasher: inout Hasher) { hasher.combine(message) }
}
