import CTSDomain
import CTSInterpreter

/// `--demo`: the session starts from the demo province (``ProvinceGenerator/demo``), made by
/// the one command `generate province` would run, before any script, `-c` command or prompt.
extension ScriptRunner {
    /// Why `--demo` cannot start here, or nil: it fills a new session, and a session file
    /// named with `-s` that already holds records is not one (its records stay as they are).
    public var demoProblem: String? {
        guard options.demo, let path = sessionFileName else { return nil }
        let held = interpreter.session.kindsHeld
        guard !held.isEmpty else { return nil }
        let what = held.prefix(2).map { Session.counted(interpreter.session.count($0), $0) }.joined(separator: ", ")
        return "--demo copies the demo province into a new session file, and \(path) already holds \(what)"
    }

    /// Runs the demo's command in the batch's transaction; false when the run must stop.
    func runDemo() -> Bool {
        defer { demoSession = interpreter.session }
        return runSource(name: "<demo>", text: ProvinceGenerator.demo.command, directory: ".")
    }

    /// Before the first prompt (or the first stepped command): the demo province as the point
    /// the session starts from. `undo` does not take it away; in memory, nothing is unsaved
    /// (it can be made again); in a session file, it is written as any input at the prompt is.
    public func startFromDemo() {
        runInteractive(ProvinceGenerator.demo.command)
        demoSession = interpreter.session
        interpreter.makeStartingPoint(saved: sessionFileName == nil)
        out.print("the demo province · today is \(ProvinceGenerator.today) · 'help demo' shows what to try")
    }
}
