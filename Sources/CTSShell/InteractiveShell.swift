#if canImport(Glibc)
    import Glibc
#endif
import CLineEditShim
import CTSLanguage
import CTSOutput

/// The read–eval–print loop, shaped like Lua's: read a line; while the command is unfinished
/// (a trailing `\` or an open `(`; never an open quote, as strings do not span lines) read
/// more behind the continuation prompt; then add the whole command to the history and run it.
/// Errors are reported and the shell goes on.
public final class InteractiveShell {
    let runner: ScriptRunner
    let editor: LineEditor
    let history: History
    let out: OutputSink
    /// Runs before each prompt (the completer's index warm-up).
    let beforePrompt: () -> Void

    public init(
        runner: ScriptRunner, editor: LineEditor, history: History, out: OutputSink,
        beforePrompt: @escaping () -> Void = {}
    ) {
        self.runner = runner
        self.editor = editor
        self.history = history
        self.out = out
        self.beforePrompt = beforePrompt
        runner.interactive = true
        runner.history = history
        runner.confirm = { [editor, out] question in Self.ask(question, editor, out) ?? false }
        runner.waitForEnter = { [editor] text in editor.readLine(prompt: text) != .interrupted }
    }

    /// Two lines (each fits 80 columns, but for a long file name): what this is and how to get
    /// help, then where the session lives. A file `-s` had to create is called new, so a
    /// mistyped name does not pass for an empty session.
    public static func banner(sessionFile: String?, created: Bool = false, readOnly: Bool = false) -> String {
        let storage =
            (sessionFile.map { created ? "new session file \($0) created" : "session file \($0)" }
                ?? "session in memory only (not saved)")
            + (readOnly ? " (read-only: nothing can be changed)" : "")
        return "cts \(Version.current) · type 'help' for commands, 'quit' to leave\n\(storage)"
    }

    var prompt: String { colored(runner.isReadOnly ? "cts (read-only)>" : "cts>") + " " }
    var continuationPrompt: String { colored("...>") + " " }

    /// The prompt text in colour, its escape codes between `\u{1}` marks so libedit knows
    /// they take no room on the screen.
    private func colored(_ text: String) -> String {
        runner.colorOutput ? "\u{1}\u{1B}[1;36m\u{1}\(text)\u{1}\u{1B}[0m\u{1}" : text
    }

    /// Whether to leave: yes when every change is in a session file; else only when the user,
    /// asked each time, answers y. Only when the input is gone (nobody can answer) it leaves.
    private func mayLeave() -> Bool {
        let unsaved = runner.interpreter.unsavedChanges
        guard unsaved > 0 else { return true }
        let what = runner.sessionFileName.map { "not saved to \(TerminalText.escaped($0))" } ?? "in memory only"
        return Self.ask("\(ScriptRunner.changesAre(unsaved)) \(what). Leave anyway? (y/n) ", editor, out) ?? true
    }

    /// Asks a yes/no question on the prompt line: true only for y or yes; Ctrl-C and Ctrl-D
    /// mean no. Nil when the input is gone.
    static func ask(_ question: String, _ editor: LineEditor, _ out: OutputSink) -> Bool? {
        switch editor.readLine(prompt: question) {
        case .line(let answer):
            return ["y", "yes"].contains(answer.lowercased().filter { !$0.isWhitespace })
        case .interrupted:
            // Taken as the answer, so it must not also stop the command that asked.
            _ = cle_take_sigint()
            out.raw("\n")
            return false
        case .endOfFile:
            out.raw("\n")
            return false
        case .closed:
            return nil
        }
    }

    /// Runs until `quit`, `exit` or Ctrl-D on an empty line; returns the exit status.
    public func run(rcFile: String?, banner: String) -> Int32 {
        out.print(banner)
        if let rcFile, Files.exists(rcFile) { runner.runStartupFile(rcFile) }
        var buffer = ""
        while true {
            if runner.quitRequested {
                if mayLeave() { break }
                runner.cancelQuit()
            }
            if buffer.isEmpty { beforePrompt() }
            switch editor.readLine(prompt: buffer.isEmpty ? prompt : continuationPrompt) {
            case .interrupted:
                buffer = ""
                _ = cle_take_sigint()
                out.raw("\n")
            case .closed:
                out.raw("\n")
                return ExitStatus.success
            case .endOfFile:
                if buffer.isEmpty {
                    out.raw("\n")
                    if mayLeave() { return ExitStatus.success }
                    continue
                }
                buffer = ""
                out.raw("\n")
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                if Lexer.isIncomplete(buffer) { continue }
                let entry = buffer
                buffer = ""
                guard !entry.allSatisfy(\.isWhitespace) else { continue }
                if history.add(entry) { editor.addHistory(entry) }
                _ = cle_take_sigint()
                runner.runInteractive(entry)
            }
        }
        return ExitStatus.success
    }
}
