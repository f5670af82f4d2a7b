/// A rule of the domain that a command would break. It names the field at fault when there is
/// one, so the interpreter can point the caret at that argument; it is the domain phase's
/// `Problem`.
///
/// The rule broken is a `Kind` with its arguments, its sentence declared beside the cases;
/// `.text` holds a sentence not given a case yet (the initializer from a string makes one).
///
///     throw DomainError(.courseFull(course: "k9", capacity: 2), field: "course")
///     // "course k9 is full (capacity 2)"
///     throw DomainError("unit js cannot be placed under nj.fin: that unit is below it", field: "parent")
public struct DomainError: Problem {
    public enum Kind: Hashable, Sendable {
        /// A sentence without a case of its own.
        case text(String)
        /// An enrollment of the cadre in the course exists already.
        case alreadyCompleted(cadre: String, course: String)
        case alreadyEnrolled(cadre: String, status: EnrollmentStatus, course: String)
        /// Credited hours of zero or less, or more than the course is worth.
        case nonPositiveHours
        case creditOverCourse(course: String, worth: Number, credited: Number)
        /// A completion dated before its course starts.
        case completedBeforeStart(date: Day, course: String, start: Day)
        /// Hours or a date on an enrollment that is not completed.
        case hoursWhenNotCompleted(EnrollmentStatus)
        case dateWhenNotCompleted(EnrollmentStatus)
        /// One enrollment too many for the course's capacity.
        case courseFull(course: String, capacity: Int)
        /// A finding resolved before the inspection that found it.
        case resolvedBeforeInspection(finding: String, date: Day, inspected: Day)
        /// A rule's `for` as imported: not one line, a variable, unbalanced parentheses, or a
        /// problem of the condition itself (its sentence, from the lexer, parser or binder).
        case conditionNotOneLine
        case conditionVariable(String)
        case conditionUnmatchedClose
        case conditionUnclosed
        case badCondition(String)

        public var message: String {
            switch self {
            case .text(let text): text
            case .alreadyCompleted(let cadre, let course): "cadre \(cadre) has already completed course \(course)"
            case .alreadyEnrolled(let cadre, let status, let course):
                "cadre \(cadre) is already \(status.rawValue) in course \(course)"
            case .nonPositiveHours: "credited hours must be more than 0"
            case .creditOverCourse(let course, let worth, let credited):
                "course \(course) is worth \(worth) hours; cannot credit \(credited)"
            case .completedBeforeStart(let date, let course, let start):
                "completion date \(date) is before course \(course) starts (\(start))"
            case .hoursWhenNotCompleted(let status):
                "only a completed enrollment has hours (this one is \(status.rawValue))"
            case .dateWhenNotCompleted(let status):
                "only a completed enrollment has a date (this one is \(status.rawValue))"
            case .courseFull(let course, let capacity): "course \(course) is full (capacity \(capacity))"
            case .resolvedBeforeInspection(let finding, let date, let inspected):
                "finding \(finding) cannot be resolved on \(date), before its inspection (\(inspected))"
            case .conditionNotOneLine: "for must be one condition on one line, such as rank >= county"
            case .conditionVariable(let name): "for cannot use $\(name) here: variables are not kept with a rule"
            case .conditionUnmatchedClose: "for has a ')' without its '('"
            case .conditionUnclosed: "for has a '(' that is never closed"
            case .badCondition(let problem): "for: \(problem)"
            }
        }
    }

    public var kind: Kind
    /// The field (option name) whose value is at fault, if any.
    public var field: String?

    public init(_ kind: Kind, field: String? = nil) {
        self.kind = kind
        self.field = field
    }

    /// A rule broken, said in a sentence (`.text`).
    public init(_ message: String, field: String? = nil) {
        self.init(.text(message), field: field)
    }

    public var phase: Phase { .domain }

    public var message: String { kind.message }
}
