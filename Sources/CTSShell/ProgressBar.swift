#if canImport(Glibc)
    import Glibc
#endif
import CTSDomain
import CTSOutput

/// The bar long work draws on standard error at a terminal (``Progress``): nothing for the
/// first second (most work is over by then), then `label ████░░░░ 45%`, redrawn at most ten
/// times a second on one line, and erased when the work ends or anything else is written to
/// the terminal (``eraseBeforeOutput()``, from `Files.writeAll`), so the bar never mixes
/// with output or errors. Without a terminal on standard error there is no bar at all
/// (``forStandardError()`` is nil).
///
///       running province.cts  ███████████████░░░░░░░░░░░░░░░░░  47%
///
/// Only the thread that runs the commands draws: reports come from there.
final class ProgressBar: ProgressObserver, @unchecked Sendable {
    /// How long work runs before a bar appears, and how often the bar is redrawn.
    static let delay: Duration = .seconds(1)
    static let redrawInterval: Duration = .milliseconds(100)

    private let write: (String) -> Void
    private let columns: () -> Int
    private let now: () -> ContinuousClock.Instant
    private var label = ""
    private var started: ContinuousClock.Instant?
    private var lastDrawn: ContinuousClock.Instant?
    private var last: (done: Int, total: Int) = (0, 0)
    /// Whether the bar is on the screen now.
    private(set) var isShown = false

    /// The bar on the screen, if any, for ``eraseBeforeOutput()``.
    nonisolated(unsafe) private static var shown: ProgressBar?

    init(
        write: @escaping (String) -> Void, columns: @escaping () -> Int,
        now: @escaping () -> ContinuousClock.Instant = { .now }
    ) {
        self.write = write
        self.columns = columns
        self.now = now
    }

    /// A bar on standard error when it is a terminal (and TERM is not dumb); else nil.
    static func forStandardError(environment: [String: String]) -> ProgressBar? {
        guard Terminal.isTerminal(STDERR_FILENO), environment["TERM"] != "dumb" else { return nil }
        // Written around Files.writeAll, which would erase the bar before writing it.
        return ProgressBar(
            write: { text in _ = text.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) } },
            columns: { Terminal.columns(STDERR_FILENO) ?? 80 })
    }

    func progress(_ label: String, done: Int, of total: Int) {
        let time = now()
        if label != self.label || started == nil {
            self.label = label
            started = time
            lastDrawn = nil
        }
        last = (done, total)
        guard let started, time - started >= Self.delay else { return }
        if let lastDrawn, time - lastDrawn < Self.redrawInterval { return }
        lastDrawn = time
        write("\r" + line(width: columns()) + "\u{1B}[K")
        isShown = true
        Self.shown = self
    }

    func progressEnded() {
        erase()
        started = nil
        label = ""
    }

    /// Takes the bar off the screen (it comes back at the next report).
    func erase() {
        guard isShown else { return }
        write("\r\u{1B}[K")
        isShown = false
        lastDrawn = nil
        if Self.shown === self { Self.shown = nil }
    }

    /// Before anything else is written to the terminal: the bar goes, so the text starts at
    /// the beginning of a clean line.
    static func eraseBeforeOutput() {
        shown?.erase()
    }

    /// The bar's text for a line of `width` columns: the label, the bar and the percentage,
    /// or with no total the count so far.
    func line(width: Int) -> String {
        let (done, total) = last
        let label = TerminalText.escaped(label)  // it may name a file
        guard total > 0 else { return "\(label)  \(EffectPerformer.grouped(done))…" }
        let fraction = min(1, max(0, Double(done) / Double(total)))
        let percent = "\(Int(fraction * 100))%".leftPadded(to: 4)
        let room = max(10, min(40, width - DisplayWidth.of(label) - 8))
        let filled = Int(fraction * Double(room))
        return "\(label)  " + String(repeating: "█", count: filled) + String(repeating: "░", count: room - filled)
            + " \(percent)"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
