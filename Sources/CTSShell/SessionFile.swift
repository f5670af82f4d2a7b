import CTSDomain
import CTSInterpreter
import CTSStore

/// The session file a run works on, and what the run may do with it: the one place that
/// knows whether session files are written, and when.
///
/// Its mode is one of: in memory (no file: `save FILE` gives it one), autosave (at the
/// prompt, each input's changes are written when it succeeds), batch (a run's changes are
/// written in one transaction at its end), read-only (`--read-only`: files are only read,
/// and commands that change the session are refused) and dry-run (`--dry-run`: files are
/// only read, and what would have been written is listed). `set autosave off` turns the
/// writing of the first two into `save`. The file itself is a ``SessionBackend``: this type
/// never knows which.
///
///     let file = SessionFile(options)
///     let (backend, session) = try file.open("jiangsu.ctsdb", create: true)
///     file.use(backend)
///     if file.savesChanges(autosave: true) { try file.write(changes) }
final class SessionFile {
    /// `--read-only`: the banner and the prompt say so, and changing commands are refused.
    let isReadOnly: Bool
    /// `--dry-run`: no file of any kind is written; the summary lists them. It may come with
    /// --read-only, which then still refuses the changing commands.
    let isDryRun: Bool
    /// The file being worked on; nil while the session is in memory only.
    private var backend: (any SessionBackend)?
    /// Under --dry-run: the files the run would have written, in order, for the summary.
    private(set) var plannedWrites: [DryRun.FileWrite] = []
    /// How many change sets of the interpreter's open transaction the file has already (a
    /// `save` or a flush before `open` part-way through it), and which transaction that was.
    private var written = (transaction: -1, count: 0)

    /// The mode the command line asks for.
    init(_ options: RunOptions) {
        isReadOnly = options.readOnly
        isDryRun = options.dryRun
    }

    /// Whether this run writes session files at all: not under --read-only or --dry-run.
    var writes: Bool { !(isReadOnly || isDryRun) }

    /// Whether there is a file (the session is not in memory only).
    var isOpen: Bool { backend != nil }
    /// The file's name as it was given.
    var path: String? { backend?.path }
    /// Whether opening the file created it (a mistyped `-s` name).
    var wasCreated: Bool { backend?.wasCreated ?? false }
    /// The file's journal mode, `wal` or `delete` (`set journal`); nil without a file.
    var journal: String? { backend.map { $0.isWAL ? "wal" : "delete" } }
    /// Switches the file to a write-ahead log or back (`set journal wal|delete`).
    func setJournal(wal: Bool) throws(StoreError) { try backend?.setJournal(wal: wal) }
    /// Whether `path` names the file being worked on.
    func isFile(_ path: String) -> Bool { backend?.isFile(path) ?? false }

    /// Whether a session's changes go to the file as they are made (after each prompt input,
    /// at the end of a batch): there is a file, the run writes, and autosave is on.
    func savesChanges(autosave: Bool) -> Bool { backend != nil && writes && autosave }

    /// Whether unsaved changes are worth a warning when the file is closed: they would have
    /// been written, had autosave been on.
    var warnsOfUnsavedChanges: Bool { backend != nil && writes }

    /// The change sets of the open transaction that are not in the file yet.
    func unwrittenChanges(of interpreter: Interpreter) -> [ChangeSet] {
        let changes = interpreter.transactionChanges
        guard written.transaction == interpreter.transactionNumber else { return changes }
        return Array(changes.dropFirst(written.count))
    }

    /// The session as it is now is in the file: the open transaction's changes so far need not
    /// be written again, and nothing is unsaved.
    func markSaved(_ interpreter: Interpreter) {
        interpreter.markSaved()
        interpreter.markTransactionWritten()
        if interpreter.inTransaction {
            written = (interpreter.transactionNumber, interpreter.transactionChanges.count)
        }
    }

    /// Whether some of the open transaction's changes are in the file already, so taking the
    /// transaction back must rewrite the file too.
    func hasWrittenPart(of interpreter: Interpreter) -> Bool {
        interpreter.inTransaction && written.transaction == interpreter.transactionNumber && written.count > 0
    }

    /// Opens `path` the way this run may use it (for writing, locked; only read under
    /// --read-only and --dry-run) and loads it. The current file stays open until ``use(_:)``.
    func open(_ path: String, create: Bool) throws(StoreError) -> (backend: any SessionBackend, session: Session) {
        let access: SessionAccess = writes ? .readWrite(create: create) : .readOnly
        let opened = try SessionBackends.backend(for: path).open(path, for: access)
        return (opened, try opened.load())
    }

    /// Works on `opened` from now on, closing the file before it.
    func use(_ opened: any SessionBackend) {
        backend?.close()
        backend = opened
    }

    /// Closes the file: the session is in memory only.
    func close() {
        backend?.close()
        backend = nil
    }

    /// Writes change sets to the file in one transaction.
    func write(_ changes: [ChangeSet]) throws(StoreError) {
        try backend?.write(changes)
    }

    /// Brings the file up to date with `session`, of which only the `changed` slots differ from
    /// it, in one transaction.
    func write(_ changed: ChangedSlots, of session: Session) throws(StoreError) {
        try backend?.write(changed, of: session)
    }

    /// Rewrites the file with the whole session (`save`, or a rollback past a `save`).
    func replaceAll(with session: Session) throws(StoreError) {
        try backend?.replaceAll(with: session)
    }

    /// `save FILE` to another file: writes the session there atomically and, when the run
    /// writes, works on that file from now on. Under --read-only it is a copy, and the file
    /// being read stays open.
    func saveCopy(_ session: Session, to path: String) throws(StoreError) {
        let backendType = SessionBackends.backend(for: path)
        try backendType.save(session, to: path)
        guard writes else { return }
        use(try backendType.open(path, for: .readWrite(create: false)))
    }

    /// Whether a command may write the file `path` now: under --dry-run it notes the file for
    /// the summary instead and returns false.
    func mayWrite(_ path: String, as verb: DryRun.FileWrite.Verb) -> Bool {
        guard isDryRun else { return true }
        let write = DryRun.FileWrite(verb: verb, path: path)
        if !plannedWrites.contains(write) { plannedWrites.append(write) }
        return false
    }
}
