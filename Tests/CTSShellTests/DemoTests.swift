import CTSInterpreter
import Foundation
import Testing

/// `cts --demo` at a real terminal (tmux), and with a session file, as a presenter starts it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct DemoTests {
    func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func theDemoIsWhereTheSessionStarts() throws {
        let tmux = try TmuxSession()
        try tmux.start(["--demo"])
        let start = try tmux.waitFor { lastLine($0) == "cts>" }
        #expect(start.contains("generated a province: 69 units, 2000 cadres, 100 courses"))
        #expect(start.contains("the demo province · today is 2013-03-31 · 'help demo' shows what to try"))
        try tmux.type("report compliance lead5y by level as chart")
        try tmux.press("Enter")
        let chart = try tmux.waitFor { $0.contains("cadres under the rule") }
        let bars = chart.split(separator: "\n").filter { $0.contains("█") }.map { $0.split(separator: " ")[0] }
        #expect(bars == ["province", "city", "county"])
        // undo cannot take the province away, and leaving asks nothing: it can be made again.
        try tmux.type("undo")
        try tmux.press("Enter")
        _ = try tmux.waitFor("nothing to undo")
        try tmux.type("quit")
        try tmux.press("Enter")
        _ = try tmux.waitFor { _ in (try? tmux.exited()) ?? false }
    }
}

/// `--demo` in batch and with `-s`: the demo comes before the scripts and commands, and goes
/// only into a session file that holds nothing yet.
@Suite struct DemoSessionFileTests {
    @Test func theDemoGoesIntoANewFileAndNotIntoOneWithRecords() throws {
        let dir = try SessionScratch()
        let made = try dir.cts("-s", "demo.ctsdb", "--demo", "-c", "count cadres as csv")
        #expect(made.status == 0 && made.out == "count\n2000\n", "\(made)")
        let reopened = try dir.cts("-s", "demo.ctsdb", "-c", "count enrollments as csv")
        #expect(reopened.status == 0 && reopened.out.hasPrefix("count\n9"), "\(reopened)")
        let again = try dir.cts("-s", "demo.ctsdb", "--demo", "-c", "count cadres")
        #expect(again.status == 2 && again.out.isEmpty, "\(again)")
        #expect(
            again.err
                == "cts: error: --demo copies the demo province into a new session file, "
                + "and demo.ctsdb already holds 69 units, 2000 cadres\n")
    }

    @Test func theDemoComesBeforeTheScripts() throws {
        let dir = try SessionScratch()
        try dir.write("ask.cts", "assert count(cadres) = 2000\ncadre set c0001 status=left\n")
        let run = try dir.cts("--demo", "ask.cts", "-c", "count cadres where status = left as csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.out.hasPrefix("count\n"))
    }
}
