import CTSDomain

/// A problem found while reading or running a command, as a value. Only the edge (the shell)
/// prints it, in the one format of spec §5:
///
///     budget.cts:14:23: error: unknown unit 'js.orgg' (did you mean 'js.org'?)
///         budget set js.orgg 2009 funds=1200000 revenue=3.2e10
///                           ^~~~~~~
///
/// What went wrong is a typed `problem` (a case of its phase's enum, with its arguments);
/// `message` is read from it. Tests match the case and the location:
///
///     #expect(diagnostic.is(ParseProblem.unterminatedString, at: 1, 7))
public struct Diagnostic: Error, Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// What went wrong: a case of the raising phase's problem enum.
    public var problem: any Problem
    /// Where; nil for problems that belong to no source text (a missing file on the command line).
    public var range: SourceRange?
    /// Extra lines printed after the caret line, e.g. "the rule was defined here".
    public var notes: [String]

    public init(_ severity: Severity = .error, _ problem: some Problem, at range: SourceRange?, notes: [String] = []) {
        self.severity = severity
        self.problem = problem
        self.range = range
        self.notes = notes
    }

    public static func error(_ problem: some Problem, at range: SourceRange?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, problem, at: range, notes: notes)
    }

    /// The sentence users see, from the problem.
    public var message: String { problem.message }

    /// The phase that raised it.
    public var phase: Phase { problem.phase }

    /// Whether this is `problem` (same case, same arguments).
    public func `is`<P: Problem>(_ problem: P) -> Bool {
        (self.problem as? P) == problem
    }

    /// Whether this is `problem`, starting at `line` and `column` (1-based).
    public func `is`<P: Problem>(_ problem: P, at line: Int, _ column: Int) -> Bool {
        self.is(problem) && range?.start.line == line && range?.start.column == column
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && AnyHashable(a.problem) == AnyHashable(b.problem) && a.range == b.range
            && a.notes == b.notes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(AnyHashable(problem))
        hasher.combine(range)
        hasher.combine(notes)
    }
}
