import CTSDomain
import CTSInterpreter
import CTSShell

/// Runs one fuzz input: its bytes as a script, `cts --safe --keep-going` style, against a fresh
/// copy of a small province, and then the oracles when the input changed the session.
///
/// The province is built once (by running ``provinceScript``) and each input gets a copy made
/// record by record (``copy(_:)``), not a replay of its dump: a copy of some three hundred
/// records costs a fraction of parsing and running their commands again, and execs/s are what
/// let a fuzzer get anywhere.
///
///     let harness = FuzzHarness()
///     if let failure = harness.run(Array("unit remove js".utf8)) { print(failure) }
final class FuzzHarness {
    /// The base session every input starts from.
    let base: Session
    let oracles: Oracles

    /// The day `today` means when a script does not set it: fixed, so that a failure replays.
    static let today = Day(year: 2013, month: 3, day: 31)!

    /// The province every input runs against: small enough to copy and dump thousands of times
    /// a second, with every kind of record.
    static let provinceScript = "generate province cadres=12 seed=7\n"

    /// The most cadres a `generate province` inside an input may ask for: a million would take
    /// minutes, and libFuzzer would report it as a hang of the input rather than of cts.
    static let maxGeneratedCadres = 200

    init(scratchDirectory: String = "/dev/shm") {
        let runner = Self.runner(safe: false, keepGoing: false)
        let status = runner.run { Array(Self.provinceScript.utf8) }
        precondition(status == 0, "the fuzz province did not build")
        base = runner.interpreter.session
        oracles = Oracles(scratchDirectory: scratchDirectory)
    }

    /// Runs `bytes` against a copy of the province; a description of what an oracle found, or
    /// nil when they all held (or the input changed nothing, so there was nothing to check).
    func run(_ bytes: [UInt8]) -> String? {
        let session = Self.copy(base)
        let versionBefore = session.version
        let runner = Self.runner(safe: true, keepGoing: true)
        runner.interpreter.replaceSession(session)
        runner.interpreter.maxGeneratedCadres = Self.maxGeneratedCadres
        _ = runner.run { bytes }
        let after = runner.interpreter.session
        guard after !== session || after.version != versionBefore else { return nil }
        return oracles.check(after)
    }

    /// A runner whose output goes nowhere, as `cts [--safe] [--keep-going]` with no session file.
    static func runner(safe: Bool, keepGoing: Bool, errors: ((String) -> Void)? = nil) -> ScriptRunner {
        var options = RunOptions()
        options.safe = safe
        options.keepGoing = keepGoing
        let out = OutputSink { _ in }
        let err = OutputSink(write: errors ?? { _ in })
        return ScriptRunner(options: options, out: out, err: err, today: today)
    }

    /// A copy of `session` that shares nothing with it: every record put in the same slot (so
    /// removed records' empty slots stay empty), and the same settings.
    static func copy(_ session: Session) -> Session {
        let copy = Session()
        copy.restore(settings: session.settings)
        for kind in EntityKind.dependencyOrder {
            for slot in session.slots(kind).sorted() {
                copy.restore(session.record(kind, slot)!, at: slot)
            }
        }
        return copy
    }
}
