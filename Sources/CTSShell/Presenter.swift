#if canImport(Glibc)
    import Glibc
#endif
import CLineEditShim
import CTSLanguage

/// Presenter mode (`cts --step SCRIPT.cts`): each command of the scripts opens at the prompt
/// already typed in. Enter runs the line as it then is (edited or not) and moves on to the next
/// command; an emptied line skips the command. Ctrl-C clears the line for a command of the
/// presenter's own, after which the pending command is offered again. `pause` shows its message
/// and waits for Enter. Ctrl-D ends the presentation. Each command runs as if typed at the
/// prompt: an error is shown, the session stays as it was, and the presentation goes on.
final class Presenter {
    let shell: InteractiveShell
    private var runner: ScriptRunner { shell.runner }
    private var editor: LineEditor { shell.editor }
    /// Ctrl-D, `quit`, or the terminal gone: the presentation is over.
    private(set) var ended = false
    /// The folder of the script being stepped: its `include`s are found from there.
    private var directory = "."

    init(shell: InteractiveShell) {
        self.shell = shell
    }

    /// One command of a script, split into its lines (a command continued with `\` or an open
    /// `(` has several); `pause` is run as it is, never offered.
    enum Step: Equatable {
        case command([String])
        case pause(String)
    }

    /// Why `--step` cannot run as asked, or nil.
    static func usageProblem(_ options: RunOptions) -> String? {
        if options.scripts.isEmpty && options.commands.isEmpty { return "--step needs a script: cts --step SCRIPT.cts" }
        if options.dryRun { return "--step cannot be combined with --dry-run" }
        if !Terminal.isTerminal(STDIN_FILENO) || !Terminal.isTerminal(STDOUT_FILENO) {
            return "--step needs a terminal: standard input and output must both be one"
        }
        return nil
    }

    /// The steps of a source, from the parser's commands (and, for a command it cannot read,
    /// the text it stood on, so that running it shows the error as at the prompt).
    static func steps(of file: SourceFile, fileID: Int) -> [Step] {
        var parser = Parser(bytes: file.bytes, fileID: fileID)
        var steps: [Step] = []
        var lastLine = 0
        while let item = parser.nextItem() {
            switch item {
            case .command(let command):
                let text = file.text(command.range)
                lastLine = command.range.end.line
                steps.append(command.spec.action == .pause ? .pause(text) : .command(lines(text)))
            case .error(let diagnostic):
                guard let range = diagnostic.range, range.start.line > lastLine else { continue }
                var text = file.line(range.start.line)
                var line = range.start.line
                while text.hasSuffix("\\"), line < file.lineCount {
                    line += 1
                    text += "\n" + file.line(line)
                }
                lastLine = line
                steps.append(.command(lines(text.drop { $0 == " " || $0 == "\t" }.description)))
            }
        }
        return steps
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.hasSuffix("\r") ? line.dropLast() : line)
        }
    }

    /// Steps through the scripts, then the `-c` commands; false when it ended before the last
    /// (Ctrl-D, `quit`), or a script could not be read (reported).
    func run(scripts: [String], commands: [String]) -> Bool {
        var sources: [(directory: String, steps: [Step])] = []
        for path in scripts {
            switch Files.readBytes(path, allowStreams: true) {
            case .failure(let error):
                runner.report(.error(ShellProblem.cannotRead(path, reason: error.reason), at: nil))
                return false
            case .success(let bytes):
                let id = runner.files.add(name: path, bytes: bytes)
                sources.append((Files.directory(of: path), Self.steps(of: runner.files[id], fileID: id)))
            }
        }
        for (i, command) in commands.enumerated() {
            let id = runner.files.add(name: ScriptRunner.commandLineName(i, of: commands.count), text: command)
            sources.append((".", Self.steps(of: runner.files[id], fileID: id)))
        }
        let saved = runner.waitForEnter
        runner.waitForEnter = { [unowned self] in self.waitAtPause($0) }
        editor.setCtrlDEndsAnyLine(true)
        defer {
            runner.waitForEnter = saved
            editor.setCtrlDEndsAnyLine(false)
        }
        for source in sources {
            directory = source.directory
            for step in source.steps {
                switch step {
                case .pause(let text): run(text)
                case .command(let lines): offer(lines)
                }
                if ended { return false }
            }
        }
        return true
    }

    private enum Entry {
        case command(String)
        case interrupted
        case end
    }

    /// Offers a command until it has run (or been skipped); commands of the presenter's own,
    /// typed after Ctrl-C, run in between.
    private func offer(_ lines: [String]) {
        while !ended {
            switch read(lines) {
            case .end:
                ended = true
            case .command(let entry):
                run(entry)
                return
            case .interrupted:
                switch read([]) {
                case .end: ended = true
                case .interrupted: continue
                case .command(let own): run(own)
                }
            }
        }
    }

    /// Reads one command, its lines typed in from `lines` as far as they go.
    private func read(_ lines: [String]) -> Entry {
        var buffer = ""
        var index = 0
        while true {
            if buffer.isEmpty { shell.beforePrompt() }
            let prefill = index < lines.count ? lines[index] : ""
            index += 1
            switch editor.readLine(prompt: buffer.isEmpty ? shell.prompt : shell.continuationPrompt, prefill: prefill) {
            case .interrupted:
                _ = cle_take_sigint()
                shell.out.raw("\n")
                return .interrupted
            case .endOfFile, .closed:
                shell.out.raw("\n")
                return .end
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                if Lexer.isIncomplete(buffer) { continue }
                return .command(buffer)
            }
        }
    }

    private func run(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        if shell.history.add(entry) { editor.addHistory(entry) }
        _ = cle_take_sigint()
        runner.runInteractive(entry, directory: directory)
        if runner.quitRequested { ended = true }
    }

    /// `pause`: Enter (or Ctrl-C) goes on; Ctrl-D ends the presentation.
    private func waitAtPause(_ prompt: String) -> Bool {
        switch editor.readLine(prompt: prompt, prefill: "") {
        case .line: break
        case .interrupted:
            _ = cle_take_sigint()
            shell.out.raw("\n")
        case .endOfFile, .closed:
            shell.out.raw("\n")
            ended = true
        }
        return true
    }
}

extension CommandLine {
    /// `cts --step`: the presentation at the terminal, then (with `-i`) the prompt.
    static func present(_ runner: ScriptRunner, _ options: LaunchOptions) -> Int32 {
        let environment = Environment.current
        // `--step` has made sure standard output is a terminal (`usageProblem`).
        let shell = terminalShell(runner, environment)
        let out = shell.out
        if options.runsRCFile, let rc = Environment.rcPath(environment), Files.exists(rc) { runner.runStartupFile(rc) }
        if options.run.demo { runner.startFromDemo() }
        out.print("cts \(Version.current) · presenter mode · Enter runs the command shown (edit it first if you like)")
        out.print("Ctrl-C: a command of your own · Ctrl-D: end the presentation")
        let presenter = Presenter(shell: shell)
        let finished = presenter.run(scripts: options.run.scripts, commands: options.run.commands)
        if runner.failed && !finished && !presenter.ended { return ExitStatus.commandFailed }
        guard finished, options.interactive else { return ExitStatus.success }
        return shell.run(rcFile: nil, banner: "end of the presentation · the prompt is yours ('quit' to leave)")
    }
}
