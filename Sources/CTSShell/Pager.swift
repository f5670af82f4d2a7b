#if canImport(Glibc)
    import Glibc
#endif
import CLineEditShim
import CTSInterpreter

/// How a result reaches the screen: through `$PAGER` when it is longer than the terminal,
/// else written in chunks that Ctrl-C can stop. Only standard output at a terminal is paged
/// or stoppable; files, pipes and test sinks get the text in one write, as before.
///
///     Screen(runner: runner).show(text)   // false: Ctrl-C stopped it
struct Screen {
    unowned let runner: ScriptRunner

    /// Shows `text`; false when Ctrl-C stopped the printing (the input is to stop too).
    func show(_ text: String) -> Bool {
        let out = runner.out
        guard out.isTerminal, let rows = Terminal.rows(STDOUT_FILENO) else {
            out.raw(text)
            return true
        }
        let interrupted = runner.interpreter.interruptRequested
        if let command = pagerCommand, Self.lineCount(text, moreThan: rows) {
            // A Ctrl-C while the result was being laid out stops it before any pager opens.
            if runner.interactive && interrupted() { return Self.stopped(out) }
            if Pager.run(command, text: text) { return true }
        }
        guard runner.interactive else {
            out.raw(text)
            return true
        }
        return Self.write(text, to: out, interrupted: interrupted)
    }

    /// Says that Ctrl-C stopped the printing; false, for `show`.
    private static func stopped(_ out: OutputSink) -> Bool {
        // At the start of a line: what the terminal dropped at Ctrl-C may have cut one.
        out.raw("\r\u{1B}[K(output stopped: Ctrl-C)\n")
        return false
    }

    /// The pager to use, or nil: `set pager` allows one here, and `$PAGER` is not empty
    /// (unset: `less -FRX`, which quits at once when the text fits, keeps colours and leaves
    /// the text on the screen).
    private var pagerCommand: String? {
        switch runner.interpreter.settings.pager {
        case .off: return nil
        case .auto where !runner.interactive: return nil
        case .auto, .on: break
        }
        guard let pager = getenv("PAGER") else { return "less -FRX" }
        let command = String(cString: pager)
        return command.allSatisfy(\.isWhitespace) ? nil : command
    }

    /// Whether `text` holds more than `limit` lines (stops counting past it).
    static func lineCount(_ text: String, moreThan limit: Int) -> Bool {
        var lines = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\n") {
            lines += 1
            if lines > limit { return true }
        }
        return false
    }

    /// The most written between two looks for Ctrl-C.
    static let chunkBytes = 1 << 16

    /// Writes `text` in chunks of whole lines, asking `interrupted` before each; when it says
    /// yes, the rest is dropped and a line says so. False when it was stopped.
    static func write(_ text: String, to out: OutputSink, interrupted: () -> Bool) -> Bool {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            if interrupted() { return stopped(out) }
            var end = utf8.index(start, offsetBy: chunkBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
            if end < utf8.endIndex, let newline = utf8[end...].firstIndex(of: UInt8(ascii: "\n")) {
                end = utf8.index(after: newline)
            } else {
                end = utf8.endIndex
            }
            out.raw(String(text[start..<end]))
            if out.writeError != nil { return true }  // the runner reports it
            start = end
        }
        return true
    }
}

/// Runs `$PAGER` on a text: `/bin/sh -c PAGER`, the text on its standard input, and waits.
///
/// cts ignores Ctrl-C (and SIGPIPE) while the pager runs: Ctrl-C is the pager's, as in git and
/// psql. The pager starts with SIGINT and SIGPIPE as the system has them, not as cts does. The line
/// editor is idle meanwhile: the terminal is as a command left it, and the pager restores it.
enum Pager {
    /// False when the pager could not be started (no /bin/sh, the command not found): the
    /// caller prints the text itself.
    static func run(_ command: String, text: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Neither end stays open in the pager but as its standard input (dup2 keeps that one).
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        // A pager that quits early closes the pipe: EPIPE, not a SIGPIPE (cts ignores it anyway).
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        var previousInterrupt = sigaction()
        var previousPipe = sigaction()
        sigaction(SIGINT, &ignore, &previousInterrupt)
        sigaction(SIGPIPE, &ignore, &previousPipe)
        defer {
            sigaction(SIGPIPE, &previousPipe, nil)
            sigaction(SIGINT, &previousInterrupt, nil)
            _ = cle_take_sigint()  // a Ctrl-C before the pager took the terminal was for it
        }

        let arguments: [UnsafeMutablePointer<CChar>?] = ["sh", "-c", command].map { (s: String) in strdup(s) }
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments + [nil], environ)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return false
        }
        // The pager reads as the user pages; `q` closes the pipe (EPIPE, ignored: it is done).
        _ = Files.writeAll(text, to: writeEnd)
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // 126 and 127: the shell could not run the command (sh -c said why on stderr).
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        return !(exited && (code == 126 || code == 127))
    }
}
