/// One kind of thing that can go wrong, with its arguments, as a value; `message` is the
/// sentence users see.
///
/// Each phase declares its own enum of problems next to the code that raises them (the lexer's
/// `LexProblem`, the parser's `ParseProblem`, ...), with the message text written in a
/// `message` property beside the cases. A `Diagnostic` carries one problem and its location;
/// tests match the case, the golden scripts the exact text. The set is open because the phases
/// live in different modules: this protocol sits in the lowest one, so all can conform.
///
///     enum LexProblem: Problem {
///         case unterminatedString
///         var phase: Phase { .lexing }
///         var message: String { "unterminated string" }
///     }
public protocol Problem: Error, Hashable, Sendable {
    /// Which phase raises it.
    var phase: Phase { get }
    /// The sentence users see, byte for byte (the golden scripts check it).
    var message: String { get }
}

/// The phases of reading and running a command, in pipeline order, as far as errors go.
public enum Phase: String, Hashable, Sendable, CaseIterable {
    /// Characters into tokens (`LexProblem`).
    case lexing
    /// Tokens into commands (`ParseProblem`).
    case parsing
    /// Names and types of expressions against the session (`BindProblem`).
    case binding
    /// Rules of the domain a command would break (`DomainError`).
    case domain
    /// Running a command: its arguments, reports, scripts, CSV import (`RunProblem`, `CSVProblem`).
    case running
    /// The session file (`StoreError`).
    case store
    /// The shell around the commands: files, includes, redirects (`ShellProblem`).
    case shell
}

/// A problem whose text is not (yet) a case of its phase's enum: text forwarded from a lower
/// layer that only gives a sentence (an `Error`'s description).
///
///     Diagnostic.error(Unclassified("\(error)", phase: .shell), at: range)
public struct Unclassified: Problem {
    public var message: String
    public var phase: Phase

    public init(_ message: String, phase: Phase) {
        self.message = message
        self.phase = phase
    }
}
