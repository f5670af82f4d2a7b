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
struct Oracles {
    /// The session file the save oracle writes; one per process, since libFuzzer's jobs share
    /// the directory.
    let sessionPath: String

    init(scratchDirectory: String) {
        sessionPath = "\(scratchDirectory)/cts-fuzz-\(getpid()).ctsdb"
    }

    /// What failed, or nil when both oracles hold for `session`.
    func check(_ session: Session) -> String? {
        let dump = Dump.script(of: session)
        return dumpRebuilds(dump) ?? fileKeeps(session, dump: dump)
    }

    /// Oracle 1: `dump` run into a new session, then dumped again, gives `dump` back.
    func dumpRebuilds(_ dump: String) -> String? {
        var errors = ""
        let runner = FuzzHarness.runner(safe: true, keepGoing: false) { errors += $0 }
        let status = runner.run { Array(dump.utf8) }
        guard status == 0 else {
            return "the dump does not run in a new session (exit \(status)):\n\(errors)\n--- the dump:\n\(dump)"
        }
        return Self.difference(dump, Dump.script(of: runner.interpreter.session), "the dump", "the rebuilt session's dump")
    }

    /// Oracle 2: the session saved to a file and opened again dumps to `dump`.
    func fileKeeps(_ session: Session, dump: String) -> String? {
        unlink(sessionPath)
        defer { unlink(sessionPath) }
        let reopened: Session
        do {
            try SQLiteBackend.save(session, to: sessionPath)
            let backend = try SQLiteBackend.openReadOnly(sessionPath)
            defer { backend.close() }
            reopened = try backend.load()
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
        let line = zip(aLines, bLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
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
