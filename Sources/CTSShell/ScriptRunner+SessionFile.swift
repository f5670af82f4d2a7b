import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSStore

/// The session file's lifecycle: opening the one named by `-s`, keeping it up to date (after
/// each prompt input, at the end of a batch), and the commands new, open and save. What may
/// be written, and when, is the ``SessionFile``'s to say.
extension ScriptRunner {
    /// Opens the session file of `-s FILE` and loads it; false (exit status 3) when it cannot be.
    public func openSessionFile() -> Bool {
        guard let path = options.sessionPath else { return true }
        do {
            let (opened, session) = try sessionFile.open(path, create: true)
            interpreter.replaceSession(session)
            sessionFile.use(opened)
            if !sessionFile.writes { interpreter.settings.autosave = false }
            return true
        } catch {
            storeFailure(error, at: nil)
        }
        return false
    }

    /// Closes the session file; in batch, says what was not saved.
    public func closeSessionFile() {
        if sessionFile.warnsOfUnsavedChanges, let path = sessionFile.path, interpreter.unsavedChanges > 0 {
            err.print(
                "cts: \(interpreter.unsavedChanges) change\(interpreter.unsavedChanges == 1 ? " was" : "s were") "
                    + "not saved to \(path) (autosave is off); use 'save' to keep them")
        }
        sessionFile.close()
    }

    /// `set journal wal|delete`: switches the session file's journal; false when it cannot.
    func setJournal(wal: Bool, range: SourceRange) -> Bool {
        let mode = wal ? "wal" : "delete"
        guard sessionFile.isOpen else {
            report(.error(ShellProblem.journalWithoutFile, at: range))
            return false
        }
        if sessionFile.isReadOnly {
            report(.error(ShellProblem.journalReadOnly(sessionFile.path ?? ""), at: range))
            return false
        }
        if sessionFile.isDryRun {
            if showsConfirmations { out.print("journal would be \(mode) (dry run: the file is not changed)") }
            return true
        }
        do {
            try sessionFile.setJournal(wal: wal)
        } catch {
            storeFailure(error, at: range)
            return false
        }
        if showsConfirmations { out.print("journal is \(mode)") }
        return true
    }

    /// The name of the session file being worked on, for the banner.
    public var sessionFileName: String? { sessionFile.path }

    /// Whether that file did not exist and opening it created it (a mistyped `-s` name).
    public var sessionFileIsNew: Bool { sessionFile.wasCreated }

    /// Writes the changes of the open transaction that are not in the session file yet, in one
    /// transaction, when there is a file to write and writing is on; returns how many.
    private func writeUnwrittenChanges() throws -> Int {
        guard sessionFile.savesChanges(autosave: interpreter.settings.autosave) else { return 0 }
        if let changed = interpreter.transactionChangedSlots {
            let count = interpreter.transactionUnwrittenCount
            guard count > 0 else { return 0 }
            try sessionFile.write(changed, of: interpreter.session)
            sessionFile.markSaved(interpreter)
            return count
        }
        let changes = sessionFile.unwrittenChanges(of: interpreter)
        guard !changes.isEmpty else { return 0 }
        try sessionFile.write(changes)
        sessionFile.markSaved(interpreter)
        return changes.count
    }

    /// Whether the transaction of a batch run keeps its change sets. Only when a prompt follows
    /// (`-i`) must a failed script be taken back in memory, and --dry-run lists the change sets;
    /// otherwise a failure ends the run with the file not written, so the transaction keeps
    /// only the slots its changes touch, and the file catches up from those at the end.
    var batchKeepsChangeSets: Bool { options.staysInteractive || sessionFile.isDryRun }

    /// After a prompt input succeeded: write its changes to the session file (autosave) and
    /// keep them; if the file cannot be written, take them back, so memory and file agree, and
    /// return false.
    @discardableResult
    func autosave() -> Bool {
        do {
            _ = try writeUnwrittenChanges()
            interpreter.commit()
            return true
        } catch {
            interpreter.rollback()
            storeFailure(error, at: nil)
            return false
        }
    }

    /// At the end of a batch run: write what the scripts changed in one transaction, so the
    /// file gets all of it or none; with --dry-run, say what would have changed instead.
    func finishBatch(keptGoing: Bool) {
        if sessionFile.isDryRun {
            out.text(
                DryRun.summary(
                    interpreter.transactionChanges, files: sessionFile.plannedWrites,
                    session: interpreter.session, path: sessionFile.path))
            interpreter.commit()
            return
        }
        do {
            let written = try writeUnwrittenChanges()
            interpreter.commit()
            if written > 0, keptGoing && failed, let path = sessionFile.path {
                err.print(
                    "cts: wrote the \(written) changing command\(written == 1 ? "" : "s") that succeeded "
                        + "to \(path); the ones that failed changed nothing")
            }
        } catch {
            interpreter.rollback()
            storeFailure(error, at: nil)
        }
    }

    /// Before the session is replaced (`open`, `new`): a batch run otherwise writes its
    /// changes only at its end. False when writing failed.
    func flushPendingChanges() -> Bool {
        do {
            _ = try writeUnwrittenChanges()
            return true
        } catch {
            storeFailure(error, at: nil)
            return false
        }
    }

    /// A run that started without a session file keeps no journal; once `save FILE` or
    /// `open FILE` gives it one, the changes that follow must reach that file at the end.
    private func keepChangesFromNowOn() {
        if !interpreter.inTransaction { interpreter.beginTransaction(keepingChangeSets: batchKeepsChangeSets) }
    }

    /// "1 change is", "3 changes are".
    static func changesAre(_ n: Int) -> String { n == 1 ? "1 change is" : "\(n) changes are" }

    /// At the prompt: whether the user agrees to lose changes that are in no file.
    private func mayDropUnsavedChanges(before action: String) -> Bool {
        let unsaved = interpreter.unsavedChanges
        guard unsaved > 0, !sessionFile.isOpen || !interpreter.settings.autosave, let confirm else { return true }
        return confirm(
            "\(Self.changesAre(unsaved)) not saved and cannot be undone after "
                + "'\(action)'. Go on? (y/n) ")
    }

    func storeFailure(_ error: any Error, at range: SourceRange?) {
        storeFailed = true
        if let error = error as? StoreError {
            report(.error(StoreProblem(error), at: range))
        } else {
            report(.error(Unclassified("\(error)", phase: .store), at: range))
        }
    }

    // MARK: - Commands

    /// `new`: an empty session in memory; false when the run must stop.
    func newSession() -> Bool {
        guard mayDropUnsavedChanges(before: "new") else {
            out.print("kept the session")
            return true
        }
        guard flushPendingChanges() else { return false }
        closeSessionFile()
        interpreter.replaceSession(Session())
        if showsConfirmations { out.print("new empty session (in memory, not saved)") }
        return true
    }

    /// `open FILE`; false when the run must stop. Under --read-only or --dry-run another file
    /// is only read, as the first one was.
    func openSession(_ path: String, range: SourceRange) -> Bool {
        guard mayDropUnsavedChanges(before: "open") else {
            out.print("kept the session")
            return true
        }
        guard flushPendingChanges() else { return false }
        do {
            // Reopening the file being worked on: let go of it first, or its own lock refuses.
            if sessionFile.isFile(path) { closeSessionFile() }
            let (opened, session) = try sessionFile.open(path, create: false)
            closeSessionFile()
            sessionFile.use(opened)
            interpreter.replaceSession(session)
            keepChangesFromNowOn()
            if showsConfirmations { out.print("opened \(path)") }
            return true
        } catch {
            storeFailure(error, at: range)
            return false
        }
    }

    /// `save` and `save FILE`. Under --read-only, `save` over the file being read is refused,
    /// but `save FILE` writes a copy of the session to another file (as sqlite3's `.backup`
    /// does under -readonly) and cts goes on reading the first. Under --dry-run neither writes:
    /// `save` succeeds (the summary says what the file would get) and `save FILE` is listed.
    func save(to path: String?, range: SourceRange) -> Bool {
        if sessionFile.isDryRun {
            if let path, !sessionFile.isFile(path) { _ = mayWrite(path, as: .save) }
            return true
        }
        do {
            if let path, !sessionFile.isFile(path) {
                try sessionFile.saveCopy(interpreter.session, to: path)
                if sessionFile.writes { keepChangesFromNowOn() }
            } else if let current = sessionFile.path {
                guard sessionFile.writes else {
                    report(.error(ShellProblem.savedReadOnly(current), at: range))
                    return false
                }
                try sessionFile.replaceAll(with: interpreter.session)
            } else {
                report(.error(ShellProblem.noFileYet, at: range))
                return false
            }
            if sessionFile.isReadOnly, let path, let current = sessionFile.path {
                if showsConfirmations { out.print("saved a copy to \(path); \(current) stays open read-only") }
                return true
            }
            sessionFile.markSaved(interpreter)
            if showsConfirmations { out.print("saved \(sessionFile.path ?? path ?? "")") }
            return true
        } catch {
            storeFailure(error, at: range)
            return false
        }
    }
}
