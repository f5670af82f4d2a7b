#if canImport(Glibc)
import Glibc
#endif
import CTSDomain

extension CommandLine {
    /// Runs cts with parsed options against the real terminal; returns the exit status.
    public static func launch(_ options: RunOptions) -> Int32 {
        setlocale(LC_ALL, "")
        if options.scripts.isEmpty && options.commands.isEmpty && Files.isTerminalInput() {
            FileHandleError.write("cts: the interactive shell is not yet available; run a script (cts FILE.cts), "
                                  + "a command (cts -c \"help\") or pipe commands in\n")
            return ExitStatus.usage
        }
        let runner = ScriptRunner(options: options, out: .standard(STDOUT_FILENO), err: .standard(STDERR_FILENO),
                                  today: Terminal.today())
        return runner.run { Files.isTerminalInput() ? nil : Files.readStandardInput() }
    }
}

/// Writes to standard error, for messages that come before any session exists.
public enum FileHandleError {
    public static func write(_ text: String) {
        OutputSink.standard(STDERR_FILENO).raw(text)
    }
}
