import CTSDomain
import CTSLanguage

/// `generate province cadres=N [seed=S]`: a synthetic province (``ProvinceGenerator``) run as
/// the commands it writes, into the change set of this one command, so that it is one step
/// for undo, part of the script's transaction, and checked like any script: a generated
/// command that failed would be a bug, and it leaves nothing behind.
extension Interpreter {
    /// The seed `generate province` uses when none is given.
    public static let defaultProvinceSeed = 1

    func generateProvince(_ command: Command, _ args: Arguments, _ changes: inout ChangeSet) throws -> Effect {
        let cadres = try wholeNumber(
            args.option("cadres")!.value, in: 1...maxGeneratedCadres, "how many cadres")
        let seed =
            try args.option("seed").map { (o) throws(Diagnostic) in
                try wholeNumber(o.value, in: 0...Int(Int32.max), "a seed")
            } ?? Self.defaultProvinceSeed
        let held = session.kindsHeld
        guard held.isEmpty else {
            throw Diagnostic.error(
                RunProblem.generateNeedsEmptySession(
                    held: held.prefix(3).map { Session.counted(session.count($0), $0) }),
                at: command.nameRange)
        }
        try run(ProvinceGenerator(cadres: cadres, seed: UInt64(seed)), &changes, for: command)
        let made = [EntityKind.unit, .cadre, .course, .enrollment].map { Session.counted(session.count($0), $0) }
        return .confirmation("generated a province: \(made.joined(separator: ", "))")
    }

    /// Runs the generator's commands as if a script gave them, into `changes`. Ctrl-C stops it
    /// (the caller then reverts `changes`).
    func run(_ generator: ProvinceGenerator, _ changes: inout ChangeSet, for command: Command) throws {
        let fileID = files.add(name: "generated province", text: "")
        var step = 0
        defer { Progress.end() }
        try generator.generate { chunk, done in
            Progress.report("generating a province of \(generator.cadres) cadres", done: Int(done * 1000), of: 1000)
            var parser = Parser(text: chunk, fileID: fileID)
            while let item = parser.nextItem() {
                step += 1
                try checkInterrupt(step)
                do {
                    switch item {
                    case .error(let diagnostic): throw diagnostic
                    case .command(let generated): _ = try applyChange(generated, &changes)
                    }
                } catch let failure as Diagnostic {
                    // The text is not kept (it can be hundreds of megabytes): name the line here.
                    let line = failure.range.map {
                        chunk.split(separator: "\n", omittingEmptySubsequences: false)[$0.start.line - 1]
                    }
                    throw Diagnostic.error(
                        RunProblem.generatedCommandFailed(
                            command: line.map(String.init) ?? "?", message: failure.message),
                        at: command.range)
                }
            }
        }
    }
}
