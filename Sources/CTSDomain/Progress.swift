/// Long work's account of how far it has got — a script's bytes run, a province's records
/// generated, a file's rows read or written — given to whoever the caller put in place, if
/// anyone: the shell puts a bar on a terminal (`ProgressBar`), tests and pipes put nothing.
///
/// The observer is task-local, so the work reports without a parameter threaded through every
/// layer, and a layer never knows whether anybody is drawing. Reports come from the thread
/// that does the work, and only every few thousand items: with no observer a report costs a
/// task-local read; the label is made only when someone listens.
///
///     Progress.$observer.withValue(bar) { runTheScripts() }
///     Progress.report("reading \(file)", done: rows, of: total)   // in the loop
///     Progress.end()                                                // when it is over
public enum Progress {
    @TaskLocal public static var observer: (any ProgressObserver)?

    /// `done` of `total` units of the work `label` names (total 0: not known).
    public static func report(_ label: @autoclosure () -> String, done: Int, of total: Int) {
        guard let observer else { return }
        observer.progress(label(), done: done, of: total)
    }

    /// The work is over (finished, failed or stopped): whatever showed it goes away.
    public static func end() { observer?.progressEnded() }
}

/// Who hears about long work (see ``Progress``).
public protocol ProgressObserver: AnyObject, Sendable {
    func progress(_ label: String, done: Int, of total: Int)
    func progressEnded()
}
