/// The settings that change answers, and so belong to the session rather than to the shell:
/// a session saved "as of 2009-12-31" must reopen as of that day and give the same reports.
///
/// They are saved in session files, written by `dump` when not the default, and changed like
/// records, through a ``Change`` (so `undo`, rollback and autosave treat them alike).
public struct SessionSettings: Hashable, Sendable {
    /// The date `today` means; nil: the system date.
    public var today: Day?
    /// Class hours in one training day for courses added from now on (`days=12` is `hours=90`).
    public var dayHours: Number

    public init(today: Day? = nil, dayHours: Number = Course.standardDayHours) {
        self.today = today
        self.dayHours = dayHours
    }

    public static let standard = SessionSettings()
}
