#if canImport(Glibc)
    import Glibc
#endif
import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSOutput

/// Runs scripts and commands in batch: the script half of cts.
///
/// It reads sources and includes a command at a time, has the interpreter run each, and
/// hands the effects to an ``EffectPerformer``; one run, or one prompt input, is one
/// transaction. The session file and its mode are a ``SessionFile``'s
/// (`ScriptRunner+SessionFile.swift`).
public final class ScriptRunner {
    public let files = SourceFiles()
    public let interpreter: Interpreter
    let out: OutputSink
    let err: OutputSink
    var options: RunOptions
    /// Whether any command has failed so far.
    private(set) var failed = false
    /// Whether a write to standard output failed (see ``outputWasWritten(by:)``), and whether
    /// that was because its reader closed it.
    private var outputFailed = false
    private(set) var outputClosed = false
    /// Whether the last command was stopped by Ctrl-C.
    var wasInterrupted = false
    /// While an input typed at the prompt runs: the confirmations of its changes ("added unit
    /// a"), shown only once all of the input has succeeded and its changes are in the session
    /// file. A confirmation must not tell of a change that a failing command after it took
    /// back, nor of one that a kill before the autosave would lose.
    private var heldConfirmations: [String]?
    var quitRequested = false
    /// At the prompt: confirmations are printed and errors never end the session.
    public var interactive = false
    /// The prompt's history, for the `history` command.
    public var history: History?
    /// Asks the user a yes/no question (interactive only): before `new` throws away changes.
    public var confirm: ((String) -> Bool)?
    /// Shows a `pause` message and waits for Enter; false when Ctrl-C stopped the wait. Set
    /// only where someone can press Enter (at the prompt, the scripts of `-i`): in batch,
    /// `pause` does nothing.
    public var waitForEnter: ((String) -> Bool)?
    /// `record FILE`: the script being made of what is typed at the prompt
    /// (`ScriptRunner+Record.swift`).
    var recording: Recorder?
    /// Whether the input being run started or stopped the recording (it is not recorded).
    var recordingWasSwitched = false
    /// The session `--demo` made, while it is still the one worked on (`new` and `open`
    /// replace it): a recording made on it replays with `cts --demo`.
    weak var demoSession: Session?
    /// The session file being worked on, if any, and what the run may do with it.
    let sessionFile: SessionFile
    /// Whether a session file could not be opened, read or written (exit status 3).
    var storeFailed = false
    /// Files being included, outermost first, for cycle detection.
    private(set) var includeStack: [String] = []
    /// Includes run so far in this run (or this input at the prompt), however nested.
    private var includeCount = 0

    static let includeLimit = 16
    /// The most includes one run may make in all. The depth limit alone lets a file that
    /// includes another ten times, eight levels down, make 10^8 of them (hours of work from a
    /// few lines); no real script needs more than a few hundred.
    static let maxIncludes = 10_000
    static let prompt = "cts> "
    static let continuationPrompt = "...> "

    public init(options: RunOptions, out: OutputSink, err: OutputSink, today: Day) {
        self.options = options
        self.out = out
        self.err = err
        sessionFile = SessionFile(options)
        interpreter = Interpreter(files: files, systemToday: today)
        interpreter.settings.echo = options.echo
        if let verbose = options.verbose { interpreter.settings.verbose = verbose }
        interpreter.readOnly = sessionFile.isReadOnly
        interpreter.sessionFileJournal = { [unowned self] in sessionFile.journal }
    }

    /// Whether cts was started `--read-only`: the banner and the prompt say so.
    public var isReadOnly: Bool { sessionFile.isReadOnly }

    /// Runs everything the options name and returns the exit status.
    ///
    /// All of it is one transaction: if a command fails and the run stops, everything the
    /// scripts changed is taken back, so they apply all of their changes or none.
    /// `readStandardInput` gives a script piped in (nil at a terminal); like a script file it
    /// need not be UTF-8, and the lexer reports where it is not.
    public func run(readStandardInput: () -> ScriptReader?) -> Int32 {
        // Without a session file or a shell to come, nothing outlives the run: keeping every
        // change set for a rollback would only cost memory (a million of them for a province).
        let transactional = options.sessionPath != nil || options.staysInteractive
        includeCount = 0
        if transactional { interpreter.beginTransaction(keepingChangeSets: batchKeepsChangeSets) }
        let completed = runAll(readStandardInput: readStandardInput)
        // `save FILE` or `open FILE` may have started one part-way (see `keepChangesFromNowOn`).
        guard interpreter.inTransaction else { return status }
        if completed || options.keepGoing {
            finishBatch(keptGoing: !completed || failed)
            _ = outputWasWritten(by: nil)
        } else {
            // Stopped by a closed output, the run says nothing else; but changes that the
            // session file will not get are worth a line on standard error.
            if outputClosed, let path = sessionFile.path, interpreter.transactionHasChanges {
                err.print("cts: standard output was closed; the script stopped and \(path) was left as it was")
            }
            interpreter.rollback()
        }
        return status
    }

    private func runAll(readStandardInput: () -> ScriptReader?) -> Bool {
        if options.demo { guard runDemo() else { return false } }
        for path in options.scripts {
            guard runFile(path, includedAt: nil) else { return false }
            if quitRequested { return true }
        }
        for (i, command) in options.commands.enumerated() {
            guard runSource(name: Self.commandLineName(i, of: options.commands.count), text: command, directory: ".")
            else { return false }
            if quitRequested { return true }
        }
        if options.scripts.isEmpty && options.commands.isEmpty, let reader = readStandardInput() {
            commandsFromStandardInput = true
            return runSource(name: "<stdin>", reader: reader, directory: ".")
        }
        return true
    }

    /// The source name of the `index`th (from 0) of `count` `-c` commands, as diagnostics show
    /// it: `<command-line>` when there is one, `<command-line 2>` for the second of several, so
    /// that every error says which `-c` it came from.
    static func commandLineName(_ index: Int, of count: Int) -> String {
        count == 1 ? "<command-line>" : "<command-line \(index + 1)>"
    }

    /// Whether the commands come from standard input (piped in, or `cts -`), so
    /// `import ... from "-"` cannot read data from it.
    private var commandsFromStandardInput = false

    /// Whether standard input is taken: commands are piped in, typed at the prompt, or (with
    /// `-i`) will be once the scripts have run.
    var readsCommandsFromStandardInput: Bool {
        commandsFromStandardInput || interactive || options.staysInteractive || options.step
    }

    /// Whether confirmations ("added cadre c1", "saved F") are shown: for what is typed at the
    /// prompt (not every line of an included script), and with --echo or `set verbose on`.
    var showsConfirmations: Bool {
        interactive && includeStack.isEmpty || interpreter.settings.verbose || interpreter.settings.echo
    }

    /// Shows the confirmation of a change, or holds it until the input typed at the prompt
    /// that made it is committed (see ``heldConfirmations``).
    func confirmChange(_ text: String) {
        if heldConfirmations != nil { heldConfirmations!.append(text) } else { out.print(text) }
    }

    /// Forgets a `quit` the user took back.
    func cancelQuit() { quitRequested = false }

    /// Runs one input typed at the prompt as a transaction: if it fails or is interrupted,
    /// the session is left exactly as before it.
    /// `directory` is where the input's `include`s are found from (a stepped script's folder).
    public func runInteractive(_ text: String, directory: String = ".") {
        wasInterrupted = false
        includeCount = 0
        interpreter.beginTransaction()
        let stacksBefore = recording?.stacks(of: interpreter)
        recordingWasSwitched = false
        heldConfirmations = []
        defer { heldConfirmations = nil }
        if runSource(name: "<stdin>", text: text, directory: directory) {
            if autosave() {
                for confirmation in heldConfirmations ?? [] { out.print(confirmation) }
            }
            if let stacksBefore, !recordingWasSwitched { keepInRecording(text, stacksBefore) }
        } else {
            let fileHasSomeOfIt = sessionFile.hasWrittenPart(of: interpreter)
            if !interpreter.rollback() {
                report(.error(ShellProblem.sessionReplaced, at: nil))
            }
            // A `save` earlier in this input put changes in the file that were just taken back.
            if fileHasSomeOfIt, sessionFile.writes {
                do { try sessionFile.replaceAll(with: interpreter.session) } catch { storeFailure(error, at: nil) }
            }
        }
        if wasInterrupted { err.print("interrupted") }
    }

    /// Runs a file (the rc file) as one transaction, reporting its errors. With `-q` or `-v`
    /// the command line wins: a `set verbose` in the file is undone (one in a script of `-i`,
    /// which ran before, stays).
    public func runStartupFile(_ path: String) {
        includeCount = 0
        let verbose = interpreter.settings.verbose
        interpreter.beginTransaction()
        if runFile(path, includedAt: nil) { interpreter.commit() } else { interpreter.rollback() }
        if options.verbose != nil { interpreter.settings.verbose = verbose }
    }

    var status: Int32 {
        storeFailed ? ExitStatus.sessionFile : failed ? ExitStatus.commandFailed : ExitStatus.success
    }

    /// Runs a script file; false when the run must stop.
    @discardableResult
    func runFile(_ path: String, includedAt: SourceRange?) -> Bool {
        if includedAt != nil {
            includeCount += 1
            guard includeCount <= Self.maxIncludes else {
                report(.error(ShellProblem.tooManyIncludes(limit: Self.maxIncludes), at: includedAt))
                return false
            }
        }
        // `cts -`, as for sed and psql -f: the script is standard input.
        if path == "-" && includedAt == nil {
            commandsFromStandardInput = true
            return runSource(
                name: "<stdin>", reader: ScriptReader.standardInput(), directory: ".", includedAt: nil)
        }
        // A script named on the command line may be a pipe (`cts <(generate)`); an include is a file.
        switch ScriptReader.open(path, allowStreams: includedAt == nil) {
        case .failure(let error):
            report(.error(ShellProblem.cannotRead(path, reason: error.reason), at: includedAt))
            return false
        case .success(let reader):
            let canonical = Files.canonical(path)
            if includedAt != nil {
                if includeStack.contains(canonical) {
                    let cycle = (includeStack.drop { $0 != canonical } + [canonical]).map(shortName)
                    report(.error(ShellProblem.includeCycle(cycle), at: includedAt))
                    return false
                }
                if includeStack.count >= Self.includeLimit {
                    report(.error(ShellProblem.includesTooDeep(limit: Self.includeLimit), at: includedAt))
                    return false
                }
            }
            includeStack.append(canonical)
            defer { includeStack.removeLast() }
            return runSource(name: path, reader: reader, directory: Files.directory(of: path), includedAt: includedAt)
        }
    }

    private func shortName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Parses a source a command at a time and runs each; false when the run must stop.
    ///
    /// Reading as it goes keeps a script of millions of lines in bounded memory. Without
    /// --keep-going the first error, syntax or runtime, stops the run; with a session file
    /// its transaction then makes the whole script apply nothing.
    func runSource(name: String, text: String, directory: String) -> Bool {
        runSource(name: name, bytes: Array(text.utf8), directory: directory)
    }

    /// The same over the bytes of a file, which need not be valid UTF-8: the lexer reports
    /// where they are not.
    func runSource(name: String, bytes: [UInt8], directory: String) -> Bool {
        let fileID = files.add(name: name, bytes: bytes)
        // A long script is parsed on a second thread while its commands run; a short one (what
        // is typed at the prompt, a -c command, most includes) is not worth a thread.
        if bytes.count > Self.backgroundParsingThreshold {
            let parser = BackgroundParser(bytes: bytes, fileID: fileID)
            defer { parser.stop() }
            defer { Progress.end() }
            return runItems(of: fileID, directory: directory, progress: ("running \(name)", bytes.count)) {
                parser.next()
            }
        }
        var parser = Parser(bytes: bytes, fileID: fileID)
        return runItems(of: fileID, directory: directory) { parser.nextItem() }
    }

    /// Sources longer than this many bytes are parsed in the background (``BackgroundParser``).
    static let backgroundParsingThreshold = 64 * 1024

    /// Runs a script as `reader` reads it. A short one is read whole and parsed here; a
    /// longer one is parsed on a second thread a part at a time as it is read
    /// (``StreamParser``), and only the lines that diagnostics may still quote are kept
    /// (``SourceWindow``), so memory does not grow with its length. False when the run must
    /// stop; a read that fails part-way is reported (at `includedAt` for an include).
    func runSource(name: String, reader: ScriptReader, directory: String, includedAt: SourceRange? = nil) -> Bool {
        if let bytes = reader.readWhole(upTo: Self.backgroundParsingThreshold) {
            if let error = reader.error {
                report(.error(ShellProblem.cannotRead(name, reason: error.reason), at: includedAt))
                return false
            }
            return runSource(name: name, bytes: bytes, directory: directory)
        }
        let window = SourceWindow()
        let fileID = files.add(name: name, window: window)
        let parser = BackgroundParser(fileID: fileID, window: window, chunks: { reader.next() })
        let completed = runItems(
            of: fileID, directory: directory, progress: reader.size.map { ("running \(name)", $0) }
        ) { parser.next() }
        parser.stop()
        Progress.end()
        // Nothing quotes the script's lines once it is over.
        window.clear()
        if completed, let error = reader.error {
            report(.error(ShellProblem.cannotRead(name, reason: error.reason), at: includedAt))
            return false
        }
        return completed
    }

    /// Runs the parsed items of source `fileID` that `next` gives, in order; false when the run
    /// must stop.
    /// With `progress`, how far the run has got through the source's bytes is reported every
    /// 1024 commands (``Progress``: a bar at a terminal when it takes more than a second).
    private func runItems(
        of fileID: Int, directory: String, progress: (label: String, bytes: Int)? = nil, next: () -> ParsedItem?
    ) -> Bool {
        var commands = 0
        while let item = next() {
            // Consumed: binding the command out of the item is then a move, not a copy of it
            // and a release of both (a tenth of the runner's own cost per line).
            switch consume item {
            case .error(let diagnostic):
                if let range = diagnostic.range, range.fileID == fileID {
                    files[fileID].forget(before: range.start.line)
                }
                // Under --echo the line that failed to parse is shown too, before its error.
                if interpreter.settings.echo, let range = diagnostic.range, range.fileID == fileID {
                    out.print(Self.prompt + files[fileID].line(range.start.line))
                }
                report(diagnostic)
                if interactive || !options.keepGoing && interpreter.settings.stopOnError { return false }
            case .command(let command):
                files[fileID].forget(before: command.range.start.line)
                commands += 1
                if let progress, commands & 1023 == 0 {
                    Progress.report(progress.label, done: command.range.start.utf8Offset, of: progress.bytes)
                }
                if !runCommand(command, directory: directory) { return false }
                if quitRequested { return true }
            }
        }
        return true
    }

    /// Runs one command and carries out its effects; false when the run must stop.
    func runCommand(_ command: Command, directory: String) -> Bool {
        if interpreter.settings.echo { out.print(echoText(command)) }  // escaped at a terminal
        // Like sqlite3's `.timer`: timed when the timer was on before and after the command,
        // so `set timer on` and `set timer off` print no time of their own.
        let timed = interpreter.settings.timer
        let start = ContinuousClock.now
        defer {
            if timed && interpreter.settings.timer { err.print(Self.elapsed(ContinuousClock.now - start)) }
        }
        let goOn = execute(command, directory: directory)
        return outputWasWritten(by: command.range) && goOn
    }

    /// After a command (or the dry-run summary): a write to standard output that failed is an
    /// error of the command that wrote, and ends the run, since nothing after it could be shown
    /// either. A reader that went away (EPIPE: `cts … | head -1`) ends it quietly, as other
    /// Unix tools do; a full disk or an I/O error is reported. Both exit with status 1.
    func outputWasWritten(by range: SourceRange?) -> Bool {
        guard let error = out.writeError else { return true }
        guard !outputFailed else { return false }
        outputFailed = true
        failed = true
        quitRequested = interactive
        if error == EPIPE {
            outputClosed = true
        } else {
            report(.error(ShellProblem.cannotWriteOutput(reason: FileError(path: "", errno: error).reason), at: range))
        }
        return false
    }

    /// Runs one command and has its effects performed; false when the run must stop.
    private func execute(_ command: Command, directory: String) -> Bool {
        do {
            return try interpreter.execute(command) { effect in
                // The confirmation of a record command is not shown in a batch run: nothing to do.
                if case .confirmation = effect, !showsConfirmations { return true }
                return EffectPerformer(runner: self, directory: directory).perform(effect)
            }
        } catch let diagnostic as Diagnostic {
            report(diagnostic)
        } catch is Interrupted {
            wasInterrupted = true
            if !interactive { report(.error(ShellProblem.interrupted, at: command.range)) }
            return false
        } catch {
            report(.error(Unclassified("\(error)", phase: .shell), at: command.range))
        }
        return !interactive && (options.keepGoing || !interpreter.settings.stopOnError)
    }

    /// `time: 0.003 s`: what `set timer on` prints on standard error after each command.
    static func elapsed(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        let fraction = String(milliseconds % 1000)
        return "time: \(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
    }

    /// Colour only ever goes to a terminal; `set color on` ignores NO_COLOR, `off` never colours.
    var colorOutput: Bool { colors(out, fd: 1) }

    private func colors(_ sink: OutputSink, fd: Int32) -> Bool {
        switch interpreter.settings.color {
        case .on: sink.isTerminal
        case .off: false
        case .auto: sink.isTerminal && Terminal.wantsColor(fd)
        }
    }

    /// The command as typed, each line behind a prompt, for --echo. A command sharing its line
    /// with others (`a; b`) shows only its own text.
    func echoText(_ command: Command) -> String {
        echoText(command.range)
    }

    func echoText(_ range: SourceRange) -> String {
        let file = files[range.fileID]
        if range.start.line == range.end.line { return Self.prompt + file.text(range) + "\n" }
        var text = ""
        for line in range.start.line...range.end.line {
            text += (line == range.start.line ? Self.prompt : Self.continuationPrompt) + file.line(line) + "\n"
        }
        return text
    }

    func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { failed = true }
        err.raw(DiagnosticRenderer.render(diagnostic, files: files, colorize: colors(err, fd: 2)))
    }
}
