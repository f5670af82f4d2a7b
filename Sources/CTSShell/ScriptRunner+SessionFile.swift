#if canImport(Glibc)
import Glibc
#endif
import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSOutput
import CTSStore

/// Session files: opening the one named by `-s`, keeping it up to date, and the commands
/// save, open, new, dump, import and export.
extension ScriptRunner {
    /// Opens the session file of `-s FILE` and loads it; false (exit status 3) when it cannot be.
    public func openSessionFile() -> Bool {
        guard let path = options.sessionPath else { return true }
        do {
            let opened = options.readOnly || options.dryRun
                ? try SessionStore.openReadOnly(path) : try SessionStore.open(path, create: true)
            interpreter.replaceSession(try opened.load())
            store = opened
            if options.readOnly || options.dryRun { interpreter.settings.autosave = false }
            return true
        } catch {
            storeFailure(error, at: nil)
        }
        return false
    }

    /// Closes the session file; in batch, says what was not saved.
    public func closeSessionFile() {
        if store != nil, !options.dryRun, !options.readOnly, interpreter.unsavedChanges > 0 {
            err.print("cts: \(interpreter.unsavedChanges) change\(interpreter.unsavedChanges == 1 ? " was" : "s were") "
                      + "not saved to \(store!.path) (autosave is off); use 'save' to keep them")
        }
        store?.close()
        store = nil
    }

    /// The name of the session file being worked on, for the banner.
    public var sessionFileName: String? { store?.path }

    /// Whether that file did not exist and opening it created it (a mistyped `-s` name).
    public var sessionFileIsNew: Bool { store?.wasCreated ?? false }

    /// Writes the changes of the open transaction that are not in the session file yet, in one
    /// transaction, when there is a file to write and writing is on; returns how many.
    private func writeUnwrittenChanges() throws -> Int {
        let changes = interpreter.unwrittenChanges
        guard let store, interpreter.settings.autosave, !options.readOnly, !options.dryRun, !changes.isEmpty else {
            return 0
        }
        try store.write(changes)
        interpreter.markSaved()
        return changes.count
    }

    /// After a prompt input succeeded: write its changes to the session file (autosave) and
    /// keep them; if the file cannot be written, take them back, so memory and file agree.
    func autosave() {
        do {
            _ = try writeUnwrittenChanges()
            interpreter.commit()
        } catch {
            interpreter.rollback()
            storeFailure(error, at: nil)
        }
    }

    /// At the end of a batch run: write what the scripts changed in one transaction, so the
    /// file gets all of it or none; with --dry-run, say what would have changed instead.
    func finishBatch(keptGoing: Bool) {
        if options.dryRun {
            out.raw(DryRun.summary(interpreter.transactionChanges, files: plannedWrites, session: interpreter.session,
                                   path: store?.path))
            interpreter.commit()
            return
        }
        do {
            let written = try writeUnwrittenChanges()
            interpreter.commit()
            if written > 0, keptGoing && failed, let store {
                err.print("cts: wrote the \(written) changing command\(written == 1 ? "" : "s") that succeeded "
                          + "to \(store.path); the ones that failed changed nothing")
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
        if !interpreter.inTransaction { interpreter.beginTransaction() }
    }

    /// "1 change is", "3 changes are".
    static func changesAre(_ n: Int) -> String { n == 1 ? "1 change is" : "\(n) changes are" }

    /// At the prompt: whether the user agrees to lose changes that are in no file.
    private func mayDropUnsavedChanges(before action: String) -> Bool {
        let unsaved = interpreter.unsavedChanges
        guard unsaved > 0, store == nil || !interpreter.settings.autosave, let confirm else { return true }
        return confirm("\(Self.changesAre(unsaved)) not saved and cannot be undone after "
                       + "'\(action)'. Go on? (y/n) ")
    }

    func storeFailure(_ error: any Error, at range: SourceRange?) {
        storeFailed = true
        let message = (error as? StoreError)?.message ?? "\(error)"
        report(.error(message, at: range))
    }

    // MARK: - Commands

    /// Carries out a session-file effect; false when the run must stop.
    func performSessionEffect(_ effect: Effect) -> Bool {
        switch effect {
        case .newSession:
            guard mayDropUnsavedChanges(before: "new") else {
                out.print("kept the session")
                return true
            }
            guard flushPendingChanges() else { return false }
            closeSessionFile()
            interpreter.replaceSession(Session())
            if showsConfirmations { out.print("new empty session (in memory, not saved)") }
        case .openSession(let path, let range):
            guard mayDropUnsavedChanges(before: "open") else {
                out.print("kept the session")
                return true
            }
            guard flushPendingChanges() else { return false }
            do {
                // Reopening the file being worked on: let go of it first, or its own lock refuses.
                if let current = store, current.isFile(path) { closeSessionFile() }
                // Under --read-only or --dry-run another file is only read, as the first one was.
                let opened = options.readOnly || options.dryRun
                    ? try SessionStore.openReadOnly(path) : try SessionStore.open(path, create: false)
                let session = try opened.load()
                closeSessionFile()
                store = opened
                interpreter.replaceSession(session)
                keepChangesFromNowOn()
                if showsConfirmations { out.print("opened \(path)") }
            } catch {
                storeFailure(error, at: range)
                return false
            }
        case .saveSession(let path, let range):
            return save(to: path, range: range)
        case .dump(let path, let range):
            guard let path else {
                out.raw(Dump.script(of: interpreter.session))
                return true
            }
            let session = interpreter.session
            guard writeFile(to: path, append: false, range: range, as: .write, { file in
                Dump.write(session) { file.write($0) }
            }) else { return false }
            confirmWrite("dumped the session to \(path)")
        case .export(let kind, let path, let format, let range):
            let session = interpreter.session
            var count = 0
            guard writeFile(to: path, append: false, range: range, as: .write, {
                count = ExportWriter.write(kind, of: session, as: format, to: &$0)
            }) else { return false }
            confirmWrite("exported \(Session.counted(count, kind)) to \(path)")
        case .importRecords(let kind, let path, let range):
            return importRecords(kind, from: path, range: range)
        default:
            break
        }
        return true
    }

    /// `save` and `save FILE`. Under --read-only, `save` over the file being read is refused,
    /// but `save FILE` writes a copy of the session to another file (as sqlite3's `.backup`
    /// does under -readonly) and cts goes on reading the first. Under --dry-run neither writes:
    /// `save` succeeds (the summary says what the file would get) and `save FILE` is listed.
    private func save(to path: String?, range: SourceRange) -> Bool {
        if options.dryRun {
            if let path, !(store?.isFile(path) ?? false) { _ = mayWrite(path, as: .save) }
            return true
        }
        do {
            if let path, !(store?.isFile(path) ?? false) {
                try SessionStore.save(interpreter.session, to: path)
                if !options.readOnly {
                    let opened = try SessionStore.open(path, create: false)
                    store?.close()
                    store = opened
                    keepChangesFromNowOn()
                }
            } else if let store {
                guard !options.readOnly else {
                    report(.error("\(store.path) was opened read-only; save to another file with 'save FILE'", at: range))
                    return false
                }
                try store.replaceAll(with: interpreter.session)
            } else {
                report(.error("the session has no file yet: save it with 'save FILE'", at: range))
                return false
            }
            if options.readOnly, let path, let store {
                if showsConfirmations { out.print("saved a copy to \(path); \(store.path) stays open read-only") }
                return true
            }
            interpreter.markSaved()
            if showsConfirmations { out.print("saved \(store?.path ?? path ?? "")") }
            return true
        } catch {
            storeFailure(error, at: range)
            return false
        }
    }
}

extension ScriptRunner {
    /// `import COLLECTION from "FILE.csv"`: streams the file in chunks (bounded memory), checks
    /// every row like the matching `add`, all or nothing, with a progress line on a terminal.
    func importRecords(_ kind: EntityKind, from path: String, range: SourceRange) -> Bool {
        // Opened without waiting (a FIFO would block until a writer came) and checked: the file
        // is streamed, so any size will do, but an endless stream (/dev/zero, a pipe) or a
        // directory is refused.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            report(.error("cannot read '\(path)': \(String(cString: strerror(errno)))", at: range))
            return false
        }
        if let problem = Files.notReadable(fd, allowStreams: false, limit: nil) {
            close(fd)
            report(.error("cannot import '\(path)': \(problem)", at: range))
            return false
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        guard let file = fdopen(fd, "rb") else {
            close(fd)
            report(.error("cannot read '\(path)': \(String(cString: strerror(errno)))", at: range))
            return false
        }
        defer { fclose(file) }
        let showProgress = err.isTerminal
        do {
            let changes = try CSVImporter.run(kind, into: interpreter, chunks: {
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                let n = fread(&buffer, 1, buffer.count, file)
                if n == 0 {
                    if ferror(file) != 0 { throw FileError(path: path, errno: errno) }
                    return nil
                }
                return Array(buffer[0..<n])
            }, progress: { rows in
                if showProgress { self.err.raw("\rimporting \(kind.plural): \(Self.grouped(rows)) rows…") }
            })
            if showProgress { err.raw("\r\u{1B}[K") }
            let added = changes.changes.count
            let summary = "import \(kind.plural) (\(Self.grouped(added)) added)"
            interpreter.recordChanges(changes, name: summary)
            if showsConfirmations {
                out.print("imported \(Self.grouped(added)) \(added == 1 ? kind.singular : kind.plural) from \(path)")
            }
            return true
        } catch let error as CSVImportError {
            if showProgress { err.raw("\r\u{1B}[K") }
            for diagnostic in error.diagnostics(fileName: path, files: files) { report(diagnostic) }
        } catch let error as FileError {
            report(.error("cannot read '\(path)': \(error.reason)", at: range))
        } catch {
            report(.error("\(error)", at: range))
        }
        return false
    }

    /// 10412 → "10,412".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
