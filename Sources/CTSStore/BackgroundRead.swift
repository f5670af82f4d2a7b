import CTSDomain
import Dispatch
import GRDB

/// The enrollment table, by far the biggest of a session (about five rows per cadre), read
/// partly on a second connection and thread while the first connection reads the other tables
/// and then the rest of the enrollments, so that opening a file uses both cores.
///
/// Both connections must read the same state of the file. The first one has read from it (in
/// its read transaction) before the second starts: with a rollback journal, no writer can
/// commit while a reader holds its shared lock, so once the second connection has its own
/// shared lock too, both see the same snapshot. A writer waiting to commit keeps new readers
/// out; the second connection then gives up at once instead of waiting (the writer waits for
/// the first one, which would wait for it), and the first reads the table itself. A file in
/// WAL mode (another tool's doing) lets writers commit beside readers: it is read on one
/// connection.
///
///     let read = BackgroundRead.start(path: "jiangsu.ctsdb", in: db, format: 2)
///     ... read the other tables on db ...
///     if let rows = try read?.finish() { ... } else { ... read the enrollments on db ... }
final class BackgroundRead: @unchecked Sendable {
    /// Below this many enrollment slots, a second connection costs more than it saves.
    static let threshold = 20_000

    // Written by the worker before it signals `done`, read by the owner after waiting for it.
    private var result: Result<KindRows<Enrollment>?, any Error> = .success(nil)
    private let done = DispatchSemaphore(value: 0)
    private var finished = false

    /// The worker reads the enrollments of slots `0..<split`, the first connection the rest,
    /// up to `end`.
    let split: Int
    let end: Int

    private init(split: Int, end: Int) {
        self.split = split
        self.end = end
    }

    /// Starts reading the enrollments of the file at `path` on a second connection, or nil
    /// when the file is not worth it or cannot be read so. `db` is the first connection, inside
    /// its read transaction.
    static func start(path: String, in db: Database, file: String, format: Int) throws -> BackgroundRead? {
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" else { return nil }
        // This query also takes the first connection's shared lock, before the second starts.
        let loader = SessionLoader(db: db, file: file, format: format)
        let end = try loader.slotCount(.enrollment)
        guard end >= threshold else { return nil }
        // Shared so that both finish together: a cadre costs about what two enrollments do to
        // read (more columns, and texts), courses and units alike.
        let others = 2 * (try loader.slotCount(.cadre) + loader.slotCount(.course) + loader.slotCount(.unit))
        let read = BackgroundRead(split: min(end, (end + others) / 2), end: end)
        DispatchQueue.global(qos: .userInitiated).async { read.run(path: path, file: file, format: format) }
        return read
    }

    private func run(path: String, file: String, format: Int) {
        defer { done.signal() }
        let queue: DatabaseQueue
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .immediateError
            configuration.label = "cts session \(path) (enrollments)"
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            return  // the first connection reads the table
        }
        defer { try? queue.close() }
        do {
            result = .success(
                try queue.read { db in
                    var reader = KindReader(
                        loader: SessionLoader(db: db, file: file, format: format), held: HeldSlots(),
                        checksOtherKinds: false)
                    return try reader.rows(of: Enrollment.declaration, slots: 0..<split, reserving: end)
                })
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            result = .success(nil)
        } catch {
            result = .failure(error)
        }
    }

    /// Waits for the worker: the enrollments, or nil when the first connection must read them.
    /// Throws what reading them threw (a damaged row).
    func finish() throws -> KindRows<Enrollment>? {
        wait()
        defer { result = .success(nil) }  // the rows now belong to the caller
        return try result.get()
    }

    /// Waits for the worker, if not done yet (before the first connection's transaction ends).
    func wait() {
        guard !finished else { return }
        done.wait()
        finished = true
    }
}
