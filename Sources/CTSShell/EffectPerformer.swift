#if canImport(Glibc)
    import Glibc
#endif
import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSOutput

/// Carries out what a command asked for, after the interpreter ran it: prints its results and
/// confirmations, writes its files, runs its includes, shows the history, imports a CSV file,
/// and hands `new`, `open` and `save` to the session file's lifecycle.
///
/// The run loop (``ScriptRunner``) only reads and runs commands; everything an ``Effect``
/// does to the world happens here. Each `perform` returns false when the run must stop.
///
///     let performer = EffectPerformer(runner: runner, directory: "scripts")
///     for effect in try interpreter.execute(command) where !performer.perform(effect) { break }
struct EffectPerformer {
    unowned let runner: ScriptRunner
    /// The directory of the source the command came from: its includes are found from there.
    let directory: String

    private var out: OutputSink { runner.out }
    private var interpreter: Interpreter { runner.interpreter }

    /// Carries out one effect; false when the run must stop.
    func perform(_ effect: Effect) -> Bool {
        if runner.refusedBySafeMode(effect) { return runner.goesOnAfterFailure }
        switch effect {
        case .confirmation(let confirmation):
            // At the prompt, confirm what was typed, not every line of an included script.
            if runner.showsConfirmations {
                runner.confirmChange(confirmation.text)
            }
        case .text(let text):
            // Long help goes through the pager like a long result. At a terminal, what echo or
            // print brings from data is escaped; to a file or a pipe it is exact.
            let shown = out.isTerminal ? TerminalText.escapedLines(text) : text
            return Screen(runner: runner).show(shown.hasSuffix("\n") ? shown : shown + "\n")
        case .table(let table, let spec, let redirect):
            if let redirect {
                if !runner.writeRedirect(table, spec, to: redirect) { return runner.options.keepGoing }
            } else {
                var text = ""
                var spec = spec
                // `set width N`, else the terminal's: tables are fitted, charts drawn to it.
                if spec.width == nil { spec.width = interpreter.settings.width ?? Terminal.columns(STDOUT_FILENO) }
                Renderer.write(table, spec, colorize: runner.colorOutput, to: &text)
                if out.isTerminal { text = TerminalText.result(text, as: spec.format) }
                return Screen(runner: runner).show(text)
            }
        case .include(let path, let range):
            return runner.runFile(Files.join(directory, path), includedAt: range) || runner.options.keepGoing
        case .pause(let message):
            if let waitForEnter = runner.waitForEnter,
                !waitForEnter((message.map { TerminalText.escaped($0) + " " } ?? "") + "(press Enter to go on) ")
            {
                runner.wasInterrupted = true
                if !runner.interactive { runner.report(.error(ShellProblem.interrupted, at: nil)) }
                return false
            }
        case .history(let limit):
            showHistory(limit)
        case .record(let request):
            return runner.record(request) || (runner.options.keepGoing && !runner.interactive)
        case .journal(let wal, let range):
            return runner.setJournal(wal: wal, range: range) || (runner.options.keepGoing && !runner.interactive)
        case .quit:
            runner.quitRequested = true
        case .newSession, .openSession, .saveSession, .dump, .importRecords, .export:
            return performFileEffect(effect) || (runner.options.keepGoing && !runner.interactive)
        }
        return true
    }

    private func showHistory(_ limit: Int) {
        guard let history = runner.history else {
            out.print("history is kept only at the interactive prompt")
            return
        }
        let entries = history.entries.suffix(limit)
        let first = history.entries.count - entries.count + 1
        for (i, entry) in entries.enumerated() {
            let number = String(first + i)
            let pad = String(repeating: " ", count: max(0, 5 - number.count))
            // A pasted entry may hold any character: shown escaped (`print` would escape it only
            // at a terminal, and the listing is for reading wherever it goes).
            out.print(pad + number + "  " + TerminalText.escaped(entry.replacingNewlines(), tabs: .keep))
        }
    }

    /// The file name `dump` and `export` take as standard output, as sed and curl do.
    static let standardOutput = FileSink.standardOutput

    /// Carries out an effect that reads or writes a file; false when the run must stop.
    private func performFileEffect(_ effect: Effect) -> Bool {
        switch effect {
        case .newSession:
            return runner.newSession()
        case .openSession(let path, let range):
            return runner.openSession(path, range: range)
        case .saveSession(let path, let range):
            return runner.save(to: path, range: range)
        case .dump(let path, let range):
            // `dump` or `dump "-"` at a terminal: through the screen, escaped.
            guard let path, path != Self.standardOutput || !out.isTerminal else {
                let script = Dump.script(of: interpreter.session)
                return Screen(runner: runner).show(out.isTerminal ? TerminalText.escapedLines(script) : script)
            }
            let session = interpreter.session
            guard
                runner.writeFile(
                    to: path, append: false, range: range, as: .write,
                    { file in
                        Dump.write(session) { file.write($0) }
                    })
            else { return false }
            if path != Self.standardOutput { runner.confirmWrite("dumped the session to \(path)") }
        case .export(let kind, let path, let format, _, let range) where format == .xlsx:
            var count = 0
            let session = interpreter.session
            let written = runner.writeWorkbook(to: path, range: range) {
                let (zip, records) = try ExportWriter.workbook(kind, of: session)
                count = records
                return zip
            }
            guard written else { return false }
            if path != Self.standardOutput {
                runner.confirmWrite("exported \(Session.counted(count, kind)) to \(path)")
            }
        case .export(let kind, let path, let format, let bom, let range):
            let session = interpreter.session
            if path == Self.standardOutput && out.isTerminal {
                var text = ""
                _ = ExportWriter.write(kind, of: session, as: format, to: &text)
                out.text(text)
                return true
            }
            var count = 0
            guard
                runner.writeFile(
                    to: path, append: false, range: range, as: .write, prefix: bom ? "\u{FEFF}" : "",
                    {
                        count = ExportWriter.write(kind, of: session, as: format, to: &$0)
                    })
            else { return false }
            if path != Self.standardOutput {
                runner.confirmWrite("exported \(Session.counted(count, kind)) to \(path)")
            }
        case .importRecords(let kind, let path, let options, let range):
            return importRecords(kind, from: path, options: options, range: range)
        default:
            break
        }
        return true
    }

    /// `import COLLECTION from "FILE"`: streams the file in chunks (bounded memory), checks
    /// every row (object) like the matching `add`, all or nothing, with a progress line on a
    /// terminal. `-` is standard input, unless the commands themselves come from there.
    func importRecords(_ kind: EntityKind, from path: String, options: ImportOptions, range: SourceRange) -> Bool {
        let fd: Int32
        if path == "-" {
            guard !runner.readsCommandsFromStandardInput else {
                runner.report(.error(ShellProblem.standardInputHoldsCommands, at: range))
                return false
            }
            fd = dup(STDIN_FILENO)
            guard fd >= 0 else {
                runner.report(
                    .error(ShellProblem.cannotRead(path, reason: String(cString: strerror(errno))), at: range))
                return false
            }
        } else {
            // Opened without waiting (a FIFO would block until a writer came) and checked: the
            // file is streamed, so any size will do, but an endless stream (/dev/zero, a pipe)
            // or a directory is refused.
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else {
                runner.report(
                    .error(ShellProblem.cannotRead(path, reason: String(cString: strerror(errno))), at: range))
                return false
            }
            if let problem = Files.notReadable(fd, allowStreams: false, limit: nil) {
                close(fd)
                runner.report(.error(ShellProblem.cannotImport(path, reason: problem), at: range))
                return false
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        }
        guard let file = fdopen(fd, "rb") else {
            close(fd)
            runner.report(.error(ShellProblem.cannotRead(path, reason: String(cString: strerror(errno))), at: range))
            return false
        }
        defer { fclose(file) }
        let name = path == "-" ? "<stdin>" : path
        // How far the import has got, in bytes of the file (in rows for a stream of unknown size).
        var size = stat()
        let total = fstat(fd, &size) == 0 && (size.st_mode & S_IFMT) == S_IFREG ? Int(size.st_size) : 0
        var read = 0
        defer { Progress.end() }
        do {
            let changes = try CSVImporter.run(
                kind, into: interpreter, options: options,
                chunks: {
                    var buffer = [UInt8](repeating: 0, count: 1 << 16)
                    let n = fread(&buffer, 1, buffer.count, file)
                    if n == 0 {
                        if ferror(file) != 0 { throw FileError(path: path, errno: errno) }
                        return nil
                    }
                    read += n
                    return Array(buffer[0..<n])
                },
                progress: { rows in
                    Progress.report("importing \(kind.plural) from \(name)", done: total > 0 ? read : rows, of: total)
                })
            Progress.end()
            let added = changes.changes.count
            let summary = "import \(kind.plural) (\(Self.grouped(added)) added)"
            interpreter.recordChanges(changes, name: summary)
            if runner.showsConfirmations {
                runner.confirmChange(
                    "imported \(Self.grouped(added)) \(added == 1 ? kind.singular : kind.plural) from \(name)")
            }
            return true
        } catch let error as CSVImportError {
            for diagnostic in error.diagnostics(fileName: name, files: runner.files) { runner.report(diagnostic) }
        } catch let error as FileError {
            runner.report(.error(ShellProblem.cannotRead(path, reason: error.reason), at: range))
        } catch {
            runner.report(.error(Unclassified("\(error)", phase: .shell), at: range))
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

extension String {
    /// A multi-line history entry on one line, its line breaks shown as `⏎ `.
    fileprivate func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
    }
}
