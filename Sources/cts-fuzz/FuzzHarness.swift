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

    /// The province every input runs against: every kind of record, every enrollment status,
    /// a resolved and an open finding, a fixed today, a tombstone (the removed cadre) and a
    /// unit added before its parent's slot, in a dump of some 2 KB. A generated province
    /// (`generate province cadres=12`) dumps to 22 KB, and then the oracles took 0.4 s an input
    /// in a debug build.
    static let provinceScript = #"""
        unit add js "Jiangsu Province" kind=locality level=province
        unit add js.org "Organization Department" kind=organization level=province parent=js
        unit add js.ps "Party School" kind=institution level=province parent=js
        unit add nj "Nanjing" kind=locality level=city parent=js
        unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=nj
        unit add nj.ps "Nanjing Party School" kind=institution level=city parent=nj
        cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
        cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
        cadre add c3 "Zhang Min – 张敏" unit=js.org rank=bureau category=leading
        cadre add c4 "Gone" unit=nj rank=staff category=civil-servant
        cadre remove c4
        cadre add c5 "Lǚ Xiǎo" unit=nj.ps rank=township category=technical born=1980
        course add k1 "Outlook" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300 capacity=3
        course add k2 "Public Finance" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12
        course add k3 "Lecture" kind=lecture provider=nj.ps start=2010-06-01 end=2010-06-01 hours=3 organizer=nj
        rule add lead5y "Leading: 550 hours in 5 years" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation,short-term
        rule add yearly "12 days a year" for=(status = active) period=2009..2009 days=12
        exempt c3 from lead5y reason="On secondment"
        enroll c1,c3 in k1
        complete c1,c3 in k1
        enroll c1,c2,c5 in k2
        complete c1 in k2 hours=60 date=2009-05-20
        absent c2 in k2
        withdraw c5 in k2
        enroll c2,c5 in k3
        complete c2 in k3
        set today 2010-12-01
        budget set nj.fin 2009 funds=1200000 revenue=32000000000
        budget set nj.fin 2010 funds=1260000 revenue=36000000000
        plan set nj.fin 2010 participants=40 hours=3600
        inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope="Training files"
        finding add f1 inspection=i1 "Records incomplete" severity=medium due=2010-08-31
        finding add f2 inspection=i1 "No plan" severity=low due=2010-12-31
        finding resolve f2 date=2010-07-01
        practice add p1 unit=nj.fin year=2010 "Evening classes" promoted=yes

        """#

    /// The most cadres a `generate province` inside an input may ask for: a million would take
    /// minutes, and libFuzzer would report it as a hang of the input rather than of cts.
    static let maxGeneratedCadres = 200

    init(scratchDirectory: String = "/dev/shm") {
        let runner = Self.runner(safe: false, keepGoing: false)
        let status = runner.run { .text(Array(Self.provinceScript.utf8)) }
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
        _ = runner.run { .text(bytes) }
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
