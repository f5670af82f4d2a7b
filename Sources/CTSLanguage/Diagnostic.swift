/// A problem found while reading or running a command, as a value. Only the edge (the shell)
/// prints it, in the one format of spec §5:
///
///     budget.cts:14:23: error: unknown unit 'js.orgg' (did you mean 'js.org'?)
///         budget set js.orgg 2009 funds=1200000 revenue=3.2e10
///                           ^~~~~~~
public struct Diagnostic: Error, Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    public var message: String
    /// Where; nil for problems that belong to no source text (a missing file on the command line).
    public var range: SourceRange?
    /// Extra lines printed after the caret line, e.g. "the rule was defined here".
    public var notes: [String]

    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange?, notes: [String] = []) {
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
    }

    public static func error(_ message: String, at range: SourceRange?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, message, at: range, notes: notes)
    }
}
