/// A rule of the domain that a command would break. It names the field at fault when there is
/// one, so the interpreter can point the caret at that argument.
public struct DomainError: Error, Hashable, Sendable {
    public var message: String
    /// The field (option name) whose value is at fault, if any.
    public var field: String?

    public init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }
}

extension DomainError: Problem {
    public var phase: Phase { .domain }
}
