import CTSLanguage
@testable import CTSShell
import Foundation
import Testing

/// `cts --step` at a real terminal (tmux): what a presenter sees and types.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct PresenterTests {
    static let script = """
        unit add js "Jiangsu Party School" kind=institution level=province
        echo first step
        pause "Next: the second part"
        echo second step
        course add k1 "Public Finance Basics" kind=short-term provider=js \\
            start=2009-05-11 end=2009-05-22 days=12
        count units
        """

    func start(_ tmux: TmuxSession, _ extra: [String] = []) throws {
        let path = tmux.home.appendingPathComponent("talk.cts").path
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        try tmux.start(["--step"] + extra + [path])
    }

    func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func pendingCommandIsTypedInAndEnterRunsIt() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        let first = try tmux.waitFor {
            lastLine($0) == "cts> unit add js \"Jiangsu Party School\" kind=institution level=province"
        }
        #expect(lastLine(first) == "cts> unit add js \"Jiangsu Party School\" kind=institution level=province")
        #expect(!first.contains("added unit js"))
        try tmux.press("Enter")
        let second = try tmux.waitFor { lastLine($0) == "cts> echo first step" }
        #expect(second.contains("added unit js"))
        #expect(lastLine(second) == "cts> echo first step")
    }

    /// A stepped script's `include` is found from the script's folder, as when it runs in batch.
    @Test func includesAreFoundFromTheScriptsFolder() throws {
        let tmux = try TmuxSession()
        let folder = tmux.home.appendingPathComponent("talk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "echo from the part\n".write(
            toFile: folder.appendingPathComponent("part.cts").path, atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("main.cts").path
        try "include \"part.cts\"\necho done\n".write(toFile: script, atomically: true, encoding: .utf8)
        try tmux.start(["--step", script])
        try tmux.waitFor { lastLine($0) == "cts> include \"part.cts\"" }
        try tmux.press("Enter")
        let screen = try tmux.waitFor { lastLine($0) == "cts> echo done" }
        #expect(screen.contains("\nfrom the part\n"))
        #expect(!screen.contains("cannot read"))
    }

    @Test func anEditChangesWhatRuns() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        try tmux.waitFor { lastLine($0) == "cts> unit add js \"Jiangsu Party School\" kind=institution level=province" }
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "cts> echo first step" }
        for _ in 0..<"step".count { try tmux.press("BSpace") }
        try tmux.type("EDITED")
        try tmux.waitFor { lastLine($0) == "cts> echo first EDITED" }
        try tmux.press("Enter")
        let screen = try tmux.waitFor("\nfirst EDITED\n")
        #expect(screen.contains("\nfirst EDITED\n"))
        #expect(!screen.contains("\nfirst step\n"))
    }

    @Test func pauseWaitsForEnterAndMultiLineCommandsWork() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        try tmux.waitFor { lastLine($0).hasPrefix("cts> unit add js") }
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "cts> echo first step" }
        try tmux.press("Enter")
        let paused = try tmux.waitFor { lastLine($0).hasPrefix("Next: the second part") }
        #expect(lastLine(paused) == "Next: the second part (press Enter to go on)")
        #expect(!paused.contains("echo second step"))
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "cts> echo second step" }
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0).hasSuffix("provider=js \\") }
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "...>     start=2009-05-11 end=2009-05-22 days=12" }
        try tmux.press("Enter")
        let screen = try tmux.waitFor { lastLine($0) == "cts> count units" }
        #expect(screen.contains("added course k1"))
    }

    @Test func ctrlCGivesACommandOfYourOwnThenCtrlDEnds() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        try tmux.waitFor { lastLine($0).hasPrefix("cts> unit add js") }
        try tmux.press("C-c")
        try tmux.waitFor { lastLine($0) == "cts>" }
        try tmux.type("echo my own")
        try tmux.press("Enter")
        let again = try tmux.waitFor { $0.contains("\nmy own\n") && lastLine($0).hasPrefix("cts> unit add js") }
        #expect(lastLine(again).hasPrefix("cts> unit add js"))
        #expect(!again.contains("added unit js"))
        try tmux.press("C-d")
        var exited = false
        for _ in 0..<200 where !exited {
            exited = try tmux.exited()
            if !exited { usleep(50_000) }
        }
        #expect(exited)
    }

    @Test func stepWithoutATerminalIsAUsageError() throws {
        let dir = FileManager.default.temporaryDirectory
        let path = dir.appendingPathComponent("step-\(UUID().uuidString).cts")
        try "echo hi\n".write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let (status, stdout, stderr) = try runCTS(["--step", path.path], in: dir)
        #expect(status == 2)
        #expect(stdout.isEmpty)
        #expect(stderr.hasPrefix("cts: error: --step needs a terminal"))
    }
}

/// How a script is cut into the steps the presenter offers: the parser's commands.
@Suite struct PresenterStepTests {
    func steps(_ text: String) -> [Presenter.Step] {
        Presenter.steps(of: SourceFile(name: "t.cts", text: text), fileID: 0)
    }

    @Test func commandsContinuationsPausesAndErrors() {
        let script = """
            # a comment
            echo a; echo b
            course add k1 "K" kind=lecture \\
                provider=p
            pause "wait"
            cadre ad c1 "Li"
            count units
            """
        #expect(
            steps(script) == [
                .command(["echo a"]), .command(["echo b"]),
                .command(["course add k1 \"K\" kind=lecture \\", "    provider=p"]),
                .pause("pause \"wait\""), .command(["cadre ad c1 \"Li\""]), .command(["count units"]),
            ])
    }
}
