#if canImport(Glibc)
    import Glibc
#endif
import CTSDomain
import CTSInterpreter
import CTSStore

/// What must hold of any session a script can leave, whatever the script was: more than "cts
/// did not crash".
///
/// 1. Its `dump` rebuilds it: the dump run in a new session dumps to the same bytes.
/// 2. A session file keeps it: saved, then opened, it dumps to the same bytes.
///
/// Both compare dumps, so they see what a dump shows (every record's fields, slot order, the
/// session's settings) and nothing it leaves out (the interpreter's variables, undo history,
/// the empty slots of removed records).
///
///     let oracles = Oracles(scratchDirectory: "/dev/shm")
///     if let failure = oracles.check(session) { fatalError(failure) }
final class Oracles {
    /// The session file the save oracle writes and reads, open for the whole run: one per process, since
    /// libFuzzer's jobs share the directory. Each check replaces its content (what `save`
    /// does to the file a session is in) and reads it back; creating a file for every input
    /// (`save FILE`'s migrations, sync and rename) took 35 ms of the 40 an input cost.
    private let file: SQLiteBackend
    /// The dumps that passed both oracles (their hashes): many inputs end in the same session,
    /// and checking it again would find nothing new.
    private var passed = Set<Int>()
    static let passedLimit = 1 << 16

    init(scratchDirectory: String) {
        let path = "\(scratchDirectory)/cts-fuzz-\(getpid()).ctsdb"
        unlink(path)
        do {
            file = try SQLiteBackend.open(path, create: true)
        } catch {
            fatalError("cts-fuzz: cannot create \(path): \(error)")
        }
    }

    /// Closes and deletes the session file (libFuzzer exits without it: scripts/fuzz deletes
    /// what its processes left).
    func removeFile() {
        file.close()
        for suffix in ["", ".lock", "-journal", "-wal", "-shm"] { unlink(file.path + suffix) }
    }

    /// What failed, or nil when both oracles hold for `session`.
    func check(_ session: Session) -> String? {
        let dump = Dump.script(of: session)
        var hasher = Hasher()
        hasher.combine(dump)
        let hash = hasher.finalize()
        if passed.contains(hash) { return nil }
        if let failure = dumpRebuilds(dump) ?? fileKeeps(session, dump: dump) { return failure }
        if passed.count >= Self.passedLimit { passed.removeAll() }
        passed.insert(hash)
        return nil
    }

    /// Oracle 1: `dump` run into a new session, then dumped again, gives `dump` back.
    func dumpRebuilds(_ dump: String) -> String? {
        var errors = ""
        let runner = FuzzHarness.runner(safe: true, keepGoing: false) { errors += $0 }
        let status = runner.run { .text(Array(dump.utf8)) }
        guard status == 0 else {
            return "the dump does not run in a new session (exit \(status)):\n\(errors)\n--- the dump:\n\(dump)"
        }
        return Self.difference(
            dump, Dump.script(of: runner.interpreter.session), "the dump", "the rebuilt session's dump")
    }

    /// Oracle 2: the session saved to a file and opened again dumps to `dump`.
    func fileKeeps(_ session: Session, dump: String) -> String? {
        let reopened: Session
        do {
            try file.replaceAll(with: session)
            reopened = try file.load()
        } catch {
            return "save then open failed: \(error)\n--- the dump:\n\(dump)"
        }
        return Self.difference(dump, Dump.script(of: reopened), "the dump", "the dump after save and open")
    }

    /// Nil when `a` and `b` are the same bytes; otherwise where they first differ, line by line.
    static func difference(_ a: String, _ b: String, _ aName: String, _ bName: String) -> String? {
        guard a != b else { return nil }
        let aLines = a.split(separator: "\n", omittingEmptySubsequences: false)
        let bLines = b.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(aLines, bLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(aLines.count, bLines.count)
        func at(_ lines: [Substring]) -> String { line < lines.count ? String(lines[line]) : "(end)" }
        return """
            \(aName) and \(bName) differ at line \(line + 1) (\(aLines.count) and \(bLines.count) lines):
            - \(at(aLines))
            + \(at(bLines))
            --- \(aName):
            \(a)
            """
    }
}
