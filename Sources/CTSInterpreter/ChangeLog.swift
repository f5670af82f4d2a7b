import CTSDomain

/// What an open transaction keeps of the change sets applied in it: every change set, so that
/// `rollback()` can take them back and a session file can replay them, or, for a batch run
/// that ends with its scripts, only the slots they touched.
///
/// Such a run has nothing to roll back in memory when a script fails: it ends, and its session
/// file is simply not written. Keeping the slots instead of the change sets saves their memory
/// (a province's million change sets hold every record twice over), and the file catches up
/// from the session's current records (``ChangedSlots``).
///
///     var log = ChangeLog(keepingChangeSets: false)
///     log.append(changes)
///     log.sets          // []: not kept
///     log.changed       // the slots `changes` touched
public struct ChangeLog: ExpressibleByArrayLiteral {
    /// Whether the change sets themselves are kept (else only ``changed``).
    public let keepsChangeSets: Bool
    /// The change sets, in order, when they are kept.
    public private(set) var sets: [ChangeSet] = []
    /// The slots touched since the log began or was last ``markWritten()``, when the change
    /// sets are not kept.
    public private(set) var changed = ChangedSlots()
    /// How many change sets were appended.
    public private(set) var count = 0
    /// How many of them since the log began or was last ``markWritten()``.
    public private(set) var unwrittenCount = 0

    public init(keepingChangeSets: Bool) {
        keepsChangeSets = keepingChangeSets
    }

    /// A log that keeps its change sets, these first (`journal = ([], [], [])`).
    public init(arrayLiteral sets: ChangeSet...) {
        keepsChangeSets = true
        for set in sets { append(set) }
    }

    public var isEmpty: Bool { count == 0 }

    public mutating func append(_ set: ChangeSet) {
        if keepsChangeSets { sets.append(set) } else { changed.formUnion(set) }
        count += 1
        unwrittenCount += 1
    }

    /// The session file has everything appended so far: forget the slots touched.
    public mutating func markWritten() {
        changed = ChangedSlots()
        unwrittenCount = 0
    }
}
