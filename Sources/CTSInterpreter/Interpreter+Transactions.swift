import CTSDomain

/// Transactions: a script, or one input at the prompt, applies all of its changes or none.
extension Interpreter {
    /// Opens a transaction: everything from now until `commit()` can be taken back by
    /// `rollback()`. A script, or one input at the prompt (with its includes), is one
    /// transaction, so it applies all of its changes or none. Returns false (and does
    /// nothing) when one is already open: the outer one owns it.
    @discardableResult
    public func beginTransaction() -> Bool {
        guard journal == nil else { return false }
        journal = ([], undoStack, redoStack)
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
    @discardableResult
    public func rollback() -> Bool {
        guard let open = journal else { return true }
        journal = nil
        defer { journalBroken = false }
        for changes in open.changes.reversed() { session.revert(changes) }
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

    /// The change sets of the open transaction, in order (what a session file must write).
    public var transactionChanges: [ChangeSet] { journal?.changes ?? [] }
}
