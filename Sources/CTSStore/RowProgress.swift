import CTSDomain

/// Rows read from or written to a session file, counted as they go and told to ``Progress``
/// every few thousand, so that opening or saving a province shows a bar at a terminal.
final class RowProgress {
    let label: String
    /// How many rows the work has in all (0 until known).
    var total: Int
    private(set) var done = 0
    private var reported = 0

    init(_ label: String, total: Int = 0) {
        self.label = label
        self.total = total
    }

    func advance(by rows: Int = 1) {
        done += rows
        if done - reported >= 8192 {
            reported = done
            Progress.report(label, done: done, of: total)
        }
    }
}
