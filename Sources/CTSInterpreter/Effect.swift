import CTSDomain
import CTSLanguage

/// What running a command asks the edge (the shell) to do. The interpreter never prints or
/// touches files: it returns these, and the shell decides where they go.
public enum Effect: Equatable, Sendable {
    /// A confirmation (`added cadre c1`, `format is csv`): shown for what is typed at the
    /// prompt, and everywhere with --echo, `set echo on` or `set verbose on`. Its text is
    /// made only when it is shown (see ``ConfirmationText``).
    case confirmation(ConfirmationText)
    /// Text that is always printed: echo, print, help, "nothing to undo", and a removal that
    /// took other records with it (`cascade`).
    case text(String)
    /// A query or report result, with how to write it (resolved when the command was bound:
    /// its `as FORMAT`, or the session's format), possibly redirected to a file (the path as
    /// written, relative to the script).
    case table(ResultTable, spec: OutputSpec, redirect: RedirectTarget?)
    /// Run another script here; the path is as written, relative to the including script.
    case include(path: String, range: SourceRange)
    /// Wait for Enter where cts reads a terminal (the prompt, the scripts of `cts -i`); in
    /// batch, nothing.
    case pause(String?)
    /// Start an empty session (and leave the session file, if any).
    case newSession
    /// Replace the session with the one in a session file, and work on that file from now on.
    case openSession(path: String, range: SourceRange)
    /// Write the whole session to a file (nil: the session file being worked on).
    case saveSession(path: String?, range: SourceRange)
    /// The session as a canonical script, to a file or (nil) the screen.
    case dump(path: String?, range: SourceRange)
    /// Add the records of a CSV or JSON file (`-`: standard input) to a collection.
    case importRecords(EntityKind, path: String, options: ImportOptions, range: SourceRange)
    /// Write every record of a collection to a file in one of the exportable formats.
    /// `bom`: a csv file starts with a UTF-8 byte order mark, by which Excel knows its Chinese.
    case export(EntityKind, path: String, format: OutputFormat, bom: Bool, range: SourceRange)
    /// List the last N commands typed at the prompt.
    case history(limit: Int)
    /// Start writing the commands typed at the prompt to a script, or stop (`record`).
    case record(RecordRequest)
    /// Switch the session file to a write-ahead log or back (`set journal wal|delete`).
    case journal(wal: Bool, range: SourceRange)
    case quit
}

/// What `record` asks for: a script at `path` (as written) of the changing commands typed at
/// the prompt, and of the queries too when `queries`; or the end of the recording.
public enum RecordRequest: Equatable, Sendable {
    case start(path: String, queries: Bool, range: SourceRange)
    case stop(range: SourceRange)
}

public struct RedirectTarget: Equatable, Sendable {
    public var path: String
    public var append: Bool
    public var range: SourceRange
}

/// Thrown when the user pressed Ctrl-C during a long command.
public struct Interrupted: Error {}
