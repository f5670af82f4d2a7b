#if canImport(Glibc)
    import Glibc
#endif
import CLineEditShim
import CTSDomain

/// How cts was asked to run, beyond the scripts and commands.
public struct LaunchOptions: Sendable {
    public var run = RunOptions()
    /// Stay interactive after the scripts (`-i`).
    public var interactive = false
    /// Skip the rc file (`--no-rc`).
    public var skipRC = false

    public init() {}

    /// Whether the rc file runs before the first prompt: not with `--no-rc`, nor with `--safe`
    /// (which reads no file but the session file and the scripts named on the command line).
    var runsRCFile: Bool { !skipRC && !run.safe }
}

extension CommandLine {
    /// Runs cts against the real terminal; returns the exit status.
    public static func launch(_ options: LaunchOptions) -> Int32 {
        // Long work (a script, generate, import, open, save, export) shows a bar at a terminal.
        Progress.$observer.withValue(ProgressBar.forStandardError(environment: Environment.current)) {
            launchWithProgress(options)
        }
    }

    private static func launchWithProgress(_ options: LaunchOptions) -> Int32 {
        Terminal.useLocaleWithUTF8()  // before libedit starts, or it drops non-ASCII input
        // A closed pipe is a write error (EPIPE) the runner handles, not a signal that kills
        // cts in the middle of a command (see ScriptRunner.outputWasWritten).
        signal(SIGPIPE, SIG_IGN)
        if options.run.step, let problem = Presenter.usageProblem(options.run) {
            FileHandleError.write("cts: error: \(problem)\n")
            return ExitStatus.usage
        }
        let stdinIsTerminal = Files.isTerminalInput()
        var runOptions = options.run
        runOptions.staysInteractive = options.interactive
        let runner = ScriptRunner(
            options: runOptions, out: .standard(STDOUT_FILENO), err: .standard(STDERR_FILENO),
            today: Terminal.today())
        guard runner.openSessionFile() else { return ExitStatus.sessionFile }
        defer { runner.closeSessionFile() }
        if let problem = runner.demoProblem {
            FileHandleError.write("cts: error: \(problem)\n")
            return ExitStatus.usage
        }
        if options.run.step { return present(runner, options) }
        let batchOnly =
            !options.run.scripts.isEmpty || !options.run.commands.isEmpty || !stdinIsTerminal
            || options.run.dryRun
        if batchOnly {
            if options.interactive && stdinIsTerminal && !options.run.dryRun {
                // The scripts of `-i` run at the terminal before the prompt starts (and its line
                // editor with it): their `pause`s read Enter as a plain line.
                let terminal = PlainLineEditor(showPrompt: true)
                runner.waitForEnter = { terminal.readLine(prompt: $0) != .interrupted }
            }
            let status = runner.run { stdinIsTerminal ? nil : ScriptReader.standardInput() }
            if !options.interactive || !stdinIsTerminal || status == ExitStatus.sessionFile || options.run.dryRun {
                return status
            }
        }
        return interactive(runner, options)
    }

    private static func interactive(_ runner: ScriptRunner, _ options: LaunchOptions) -> Int32 {
        let environment = Environment.current
        let shell = terminalShell(runner, environment)
        // After the scripts of `-i`, the demo is already there.
        if options.run.demo && runner.options.scripts.isEmpty && runner.options.commands.isEmpty {
            runner.startFromDemo()
        }
        let rc = options.runsRCFile ? Environment.rcPath(environment) : nil
        let banner = InteractiveShell.banner(
            sessionFile: runner.sessionFileName, created: runner.sessionFileIsNew,
            readOnly: runner.isReadOnly)
        return shell.run(rcFile: rc, banner: banner)
    }
}

extension CommandLine {
    /// The shell at the terminal, for the prompt and for `--step`: libedit with completion
    /// where standard output is a terminal (and TERM is not dumb), plain lines elsewhere.
    static func terminalShell(_ runner: ScriptRunner, _ environment: [String: String]) -> InteractiveShell {
        let history = History(path: History.defaultPath(environment: environment))
        // The SIGINT handler must exist before libedit starts: libedit chains to it.
        _ = cle_install_sigint_handler()
        let editor: LineEditor
        // Under --safe the commands that take a file name are refused: TAB lists no directory.
        let listFiles: (String) -> [String] = runner.options.safe ? { _ in [] } : { Completer.listDirectory($0) }
        let completer = Completer(interpreter: runner.interpreter, listFiles: listFiles)
        var beforePrompt: () -> Void = {}
        if environment["TERM"] != "dumb", Terminal.isTerminal(STDOUT_FILENO),
            let libedit = LibEditLineEditor(history: history, complete: completer.complete)
        {
            editor = libedit
            beforePrompt = completer.prepare
        } else {
            editor = PlainLineEditor(showPrompt: Terminal.isTerminal(STDOUT_FILENO))
        }
        runner.interpreter.interruptRequested = { cle_sigint_pending() != 0 }
        return InteractiveShell(
            runner: runner, editor: editor, history: history, out: .standard(STDOUT_FILENO),
            beforePrompt: beforePrompt)
    }
}

/// The process environment, read once.
public enum Environment {
    public static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }

    /// `$XDG_CONFIG_HOME/cts/ctsrc`, by default `~/.config/cts/ctsrc`.
    public static func rcPath(_ environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/cts/ctsrc" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/cts/ctsrc"
    }
}

/// Writes to standard error, for messages that come before any session exists (escaped at
/// a terminal: they quote the arguments as given).
public enum FileHandleError {
    public static func write(_ text: String) {
        OutputSink.standard(STDERR_FILENO).text(text)
    }
}
