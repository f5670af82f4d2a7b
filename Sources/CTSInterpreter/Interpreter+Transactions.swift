import CTSDomain

/// Transactions: a script, or one input at the prompt, applies all of its changes or none.
extension Interpreter {
    /// Opens a transaction: everything from now until `commit()` can be taken back by
    /// `rollback()`. A script, or one input at the prompt (with its includes), is one
    /// transaction, so it applies all of its changes or none. Returns false (and does
    /// nothing) when one is already open: the outer one owns it.
    ///
    /// Without `keepingChangeSets`, the transaction keeps only the slots its changes touch
    /// (``transactionChangedSlots``), for a batch run that ends with its scripts: `rollback()`
    /// then cannot take the session back in memory, and the run must end without writing.
    @discardableResult
    public func beginTransaction(keepingChangeSets: Bool = true) -> Bool {
        guard journal == nil else { return false }
        journal = (ChangeLog(keepingChangeSets: keepingChangeSets), undoStack, redoStack)
        journalBroken = false
        transactionNumber += 1
        return true
    }

    /// Whether a transaction is open.
    public var inTransaction: Bool { journal != nil }

    /// Keeps what the transaction did.
    public func commit() {
        journal = nil
        journalBroken = false
    }

    /// Takes back everything since `beginTransaction()`; false when `new` or `open` replaced the
    /// session in between (then only what came after that is taken back).
    ///
    /// A transaction that keeps no change sets takes back nothing in the session: it only
    /// forgets the changes (and counts them as never made), for a run that is ending.
    @discardableResult
    public func rollback() -> Bool {
        guard let open = journal else { return true }
        journal = nil
        defer { journalBroken = false }
        for changes in open.changes.sets.reversed() { session.revert(changes) }
        ruleConditions = [:]
        guard !journalBroken else {
            undoStack = []
            redoStack = []
            return false
        }
        undoStack = open.undo
        redoStack = open.redo
        unsavedChanges -= open.changes.count
        return true
    }

    /// The change sets of the open transaction, in order (what a session file must write);
    /// empty when it keeps only the slots they touched.
    public var transactionChanges: [ChangeSet] { journal?.changes.sets ?? [] }

    /// Whether the open transaction has applied any change set.
    public var transactionHasChanges: Bool { !(journal?.changes.isEmpty ?? true) }

    /// When the open transaction keeps only the slots its changes touched: those not yet
    /// written to the session file (see ``markTransactionWritten()``). Nil when it keeps the
    /// change sets, or none is open.
    public var transactionChangedSlots: ChangedSlots? {
        guard let log = journal?.changes, !log.keepsChangeSets else { return nil }
        return log.changed
    }

    /// How many change sets ``transactionChangedSlots`` stands for.
    public var transactionUnwrittenCount: Int { journal?.changes.unwrittenCount ?? 0 }

    /// The session file has the session as it is now: a transaction that keeps only slots
    /// forgets those it touched so far.
    public func markTransactionWritten() {
        journal?.changes.markWritten()
    }
}
