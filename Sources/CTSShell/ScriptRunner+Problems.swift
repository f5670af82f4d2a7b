import CTSDomain
import CTSOutput

/// What goes wrong in the shell around the commands (script files, includes, redirects,
/// imports, saving), with the text of each message. `reason` is the system's own sentence
/// ("No such file or directory").
///
///     cts: error: cannot read 'missing.cts': No such file or directory
///     // ShellProblem.cannotRead("missing.cts", reason: "No such file or directory")
public enum ShellProblem: Problem {
    case cannotRead(String, reason: String)
    case cannotWrite(String, reason: String)
    case cannotWriteOutput(reason: String)
    case cannotImport(String, reason: String)
    /// `import ... from "-"` when the commands come from standard input (a pipe, the prompt).
    case standardInputHoldsCommands
    case cannotReadToAppend(String, reason: String)
    /// `>>` onto a file whose format is one document (json).
    case notAppendable(String, format: String)
    /// An xlsx workbook for standard output, which is a terminal.
    case workbookToTerminal
    /// More rows than a sheet holds (Excel's 1,048,576, the header included).
    case tooManyRowsForASheet(Int)
    /// `>>` onto a csv/tsv file with another header.
    case otherColumns(String, old: String, new: String)
    /// An include that leads back to a file being run; the names in order, the first again last.
    case includeCycle([String])
    case includesTooDeep(limit: Int)
    /// More includes in one run than ``ScriptRunner/maxIncludes``, however shallow.
    case tooManyIncludes(limit: Int)
    /// Ctrl-C, or end of input at a pause.
    case interrupted
    /// Input taken back after a `new` or `open` in it.
    case sessionReplaced
    /// `save` of a session opened with --read-only.
    case savedReadOnly(String)
    /// `save` with no file.
    case noFileYet
    /// `set journal` with no session file.
    case journalWithoutFile
    /// `set journal` on a file opened with --read-only.
    case journalReadOnly(String)
    /// `record` in a script: only what is typed at the prompt is recorded.
    case recordOnlyAtPrompt
    /// `record stop` with no recording going on.
    case notRecording
    /// A command refused under --safe (``SafeMode``): what it is ("include", "'>'"), how it
    /// would touch which file.
    case refusedBySafe(String, SafeMode.Access, path: String)

    public var phase: Phase { .shell }

    public var message: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read '\(path)': \(reason)"
        case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
        case .cannotWriteOutput(let reason): "cannot write the output: \(reason)"
        case .cannotImport(let path, let reason): "cannot import '\(path)': \(reason)"
        case .standardInputHoldsCommands:
            "cannot import from '-' (standard input): the commands are read from it; "
                + "run the script as a file (cts script.cts < data.csv), or import from a file"
        case .cannotReadToAppend(let path, let reason): "cannot read '\(path)' to append to it: \(reason)"
        case .workbookToTerminal:
            "an xlsx workbook is a file, not text for the screen: write it to a file, or pipe standard output"
        case .tooManyRowsForASheet(let rows):
            "\(rows) rows, header included, are more than a sheet holds (\(XLSXWorkbook.maxRows)); "
                + "export to csv, or write part of them with 'where'"
        case .notAppendable(let path, let name) where name == OutputFormat.html.rawValue:
            "cannot append html to '\(path)': an html file is one page, and a second page after "
                + "it is not html; write to another file, or use '>' to replace it"
        case .notAppendable(let path, let name):
            "cannot append \(name) to '\(path)': a \(name) file is one "
                + "array, and a second one after it is not \(name); use 'as ndjson' (one object "
                + "per line) to append, or '>' to replace the file"
        case .otherColumns(let path, let old, let new):
            "cannot append to '\(path)': its header is '\(old)', but this result's columns "
                + "are '\(new)'; write to another file, or use '>' to replace it"
        case .includeCycle(let names): "include cycle: \(names.joined(separator: " → "))"
        case .includesTooDeep(let limit): "includes are nested more than \(limit) deep"
        case .tooManyIncludes(let limit):
            "more than \(limit) includes in one run, the most allowed; does a file include others over and over?"
        case .interrupted: "interrupted"
        case .sessionReplaced: "the session was replaced by 'new' or 'open'; what came after that was taken back"
        case .savedReadOnly(let path): "\(path) was opened read-only; save to another file with 'save FILE'"
        case .noFileYet: "the session has no file yet: save it with 'save FILE'"
        case .journalWithoutFile:
            "journal is the session file's: there is none yet (open one with -s FILE, or 'save FILE')"
        case .journalReadOnly(let path): "\(path) was opened read-only; its journal mode was not changed"
        case .recordOnlyAtPrompt: "'record' works only at the interactive prompt: it records what is typed there"
        case .notRecording: "nothing is being recorded (start with 'record FILE')"
        case .refusedBySafe(let what, let access, let path):
            "\(what) is not allowed with --safe: it \(access.rawValue) '\(path)'"
        }
    }
}
