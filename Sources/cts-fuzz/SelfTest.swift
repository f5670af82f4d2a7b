import CTSDomain
import CTSInterpreter

/// Shows that the oracles can fail: each check hands them a case that must be reported (two
/// different sessions, a dump not in its canonical form, a bad line, a file compared with another
/// session's dump) and one that must not (a script that changes the province). An oracle
/// that passes everything would make every fuzz run look clean.
enum SelfTest {
    static func run() -> Int32 {
        let harness = FuzzHarness()
        let oracles = harness.oracles
        let dump = Dump.script(of: harness.base)
        let changed = FuzzHarness.copy(harness.base)
        let runner = FuzzHarness.runner(safe: true, keepGoing: false)
        runner.interpreter.replaceSession(changed)
        _ = runner.run { .text(Array("unit add fz \"Fuzz\" kind=locality level=city\n".utf8)) }
        let otherDump = Dump.script(of: changed)
        // Not the dump's own spacing: the session it builds is the same, its dump is not this text.
        let respaced = dump.replacing("hours=60 ", with: "hours=60.0  ")

        let checks: [(String, Bool)] = [
            ("the same dump twice is no difference", Oracles.difference(dump, dump, "a", "b") == nil),
            ("two sessions' dumps differ", Oracles.difference(dump, otherDump, "a", "b") != nil),
            ("the province passes both oracles", oracles.check(harness.base) == nil),
            ("a changed province passes both oracles", oracles.check(changed) == nil),
            (
                "an input that adds a unit passes",
                harness.run(Array("unit add fz \"F\" kind=locality level=city".utf8)) == nil
            ),
            (
                "a dump spaced its own way is told from its rebuilt session's",
                respaced != dump && oracles.dumpRebuilds(respaced) != nil
            ),
            ("a dump with a bad line does not run", oracles.dumpRebuilds(dump + "unit add\n") != nil),
            ("a file is not another session's dump", oracles.fileKeeps(harness.base, dump: otherDump) != nil),
        ]
        oracles.removeFile()
        var failed = 0
        for (name, held) in checks {
            print((held ? "ok     " : "FAILED ") + name)
            if !held { failed += 1 }
        }
        print("cts-fuzz: self-test: \(checks.count - failed) of \(checks.count) checks held")
        return failed == 0 ? 0 : 1
    }
}
