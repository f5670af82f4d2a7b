#if canImport(Glibc)
import Glibc
#endif
import CLineEditShim
import CTSLanguage

/// The read–eval–print loop, shaped like Lua's: read a line; while the command is unfinished
/// (a trailing `\`, an open `(` or quote) read more behind the continuation prompt; then add
/// the whole command to the history and run it. Errors are reported and the shell goes on.
public final class InteractiveShell {
    let runner: ScriptRunner
    let editor: LineEditor
    let history: History
    let out: OutputSink
    /// Runs before each prompt (the completer's index warm-up).
    let beforePrompt: () -> Void

    public init(runner: ScriptRunner, editor: LineEditor, history: History, out: OutputSink,
                beforePrompt: @escaping () -> Void = {}) {
        self.runner = runner
        self.editor = editor
        self.history = history
        self.out = out
        self.beforePrompt = beforePrompt
        runner.interactive = true
        runner.history = history
        runner.confirm = { [editor] question in Self.ask(question, editor) ?? false }
    }

    /// One line saying what this is, how to get help, and where the session lives.
    public static func banner(sessionFile: String?, readOnly: Bool = false) -> String {
        let storage = (sessionFile.map { "session file \($0)" } ?? "session in memory only (not saved)")
            + (readOnly ? " (read-only: nothing can be changed)" : "")
        return "cts \(Version.current) · type 'help' for commands, 'quit' to leave · \(storage)"
    }

    var prompt: String { colored(runner.isReadOnly ? "cts (read-only)>" : "cts>") + " " }
    var continuationPrompt: String { colored("...>") + " " }

    /// The prompt text in colour, its escape codes between `\u{1}` marks so libedit knows
    /// they take no room on the screen.
    private func colored(_ text: String) -> String {
        runner.colorOutput ? "\u{1}\u{1B}[1;36m\u{1}\(text)\u{1}\u{1B}[0m\u{1}" : text
    }

    private var askedAboutUnsaved = false

    /// Whether to leave: yes, unless there are changes not in a session file and the user,
    /// asked once, says no.
    private func mayLeave() -> Bool {
        let unsaved = runner.interpreter.unsavedChanges
        guard unsaved > 0, !askedAboutUnsaved else { return true }
        askedAboutUnsaved = true
        let what = runner.sessionFileName.map { "not saved to \($0)" } ?? "in memory only"
        return Self.ask("\(ScriptRunner.changesAre(unsaved)) \(what). Leave anyway? (y/n) ", editor) ?? true
    }

    /// Asks a yes/no question on the prompt line; nil at the end of input.
    static func ask(_ question: String, _ editor: LineEditor) -> Bool? {
        guard case .line(let answer) = editor.readLine(prompt: question) else { return nil }
        return ["y", "yes"].contains(answer.lowercased().filter { !$0.isWhitespace })
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
