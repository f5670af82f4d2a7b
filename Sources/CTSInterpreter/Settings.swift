import CTSDomain
import CTSLanguage

/// The settings `set` changes that are about this run of cts: presentation (colour, echo,
/// timer, the screen's width and pager) for the shell, `autosave` for the store. The two that
/// change answers, `today` and `day-hours`, are session state (``SessionSettings``), kept by
/// the session itself.
public struct Settings: Equatable, Sendable {
    public enum Switch: String, Sendable { case on, off, auto }

    public var format = OutputFormat.table
    public var color = Switch.auto
    public var echo = false
    public var verbose = false
    public var timer = false
    public var autosave = true
    /// Whether a script stops at its first error (`set errors stop`, the default).
    public var stopOnError = true
    /// The columns a table on the screen is fitted into (`set width N`); nil (`auto`): the
    /// terminal's width, and none when standard output is no terminal.
    public var width: Int?
    /// Whether results longer than the screen go through `$PAGER` (`set pager`): `auto` at the
    /// prompt, `on` also for scripts run at a terminal, `off` never. Never when standard output
    /// is no terminal.
    public var pager = Switch.auto

    /// The widths `set width N` accepts.
    public static let widths = 20...1000

    public init() {}

    public static let formats = CommandTable.outputFormats
}
