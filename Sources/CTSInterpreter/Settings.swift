import CTSDomain
import CTSLanguage

/// The settings `set` changes. The interpreter keeps them; the shell reads those that are about
/// presentation (colour, echo, timer) and the store reads `autosave`.
public struct Settings: Equatable, Sendable {
    public enum Switch: String, Sendable { case on, off, auto }

    public var format = "table"
    public var color = Switch.auto
    public var echo = false
    public var verbose = false
    public var timer = false
    public var autosave = true
    /// Whether a script stops at its first error (`set errors stop`, the default).
    public var stopOnError = true
    /// Class hours per training day (`days=12` is `hours=90`).
    public var dayHours = 7.5
    /// The date `today` means; nil: the system date.
    public var today: Day?

    public init() {}

    public static let formats = CommandTable.outputFormats
}
