/// What to run and how, from the command line.
public struct RunOptions: Sendable {
    public var scripts: [String] = []
    public var commands: [String] = []
    /// Report errors and go on (`--keep-going`).
    public var keepGoing = false
    /// Print each command, with the prompt, before its output (`--echo`).
    public var echo = false
    /// `set verbose on` (`-v`) or `off` (`-q`) before anything runs, which a `set verbose` in
    /// the rc file does not change (the command line wins over it); nil: neither flag.
    public var verbose: Bool?
    /// Work on this session file (`-s FILE`), created if missing.
    public var sessionPath: String?
    /// Read the session file without locking or writing it (`--read-only`).
    public var readOnly = false
    /// Run without writing anything; print what would change (`--dry-run`).
    public var dryRun = false
    /// The shell stays interactive after the scripts (`-i`), so a failed script must leave
    /// the session as it was.
    public var staysInteractive = false
    /// Presenter mode (`--step`): each command of the scripts is offered at the prompt.
    public var step = false
    /// Start from the demo province (`--demo`), before the scripts and commands.
    public var demo = false
    /// Refuse the commands that read or write a file other than the session file (`--safe`,
    /// for scripts from untrusted sources; see ``SafeMode``).
    public var safe = false

    public init() {}
}

/// Exit statuses of spec §4.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let commandFailed: Int32 = 1
    public static let usage: Int32 = 2
    public static let sessionFile: Int32 = 3
}
