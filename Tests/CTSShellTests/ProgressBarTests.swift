import CTSInterpreter
@testable import CTSShell
import Foundation
import Testing

/// The progress bar's rules with a clock the test moves: nothing for the first second, then
/// a bar redrawn at most every 0.1 s, erased when the work ends.
@Suite struct ProgressBarTests {
    final class Screen: @unchecked Sendable {
        var written = ""
        var time = ContinuousClock.now
    }

    func bar(_ screen: Screen, columns: Int = 60) -> ProgressBar {
        ProgressBar(write: { screen.written += $0 }, columns: { columns }, now: { screen.time })
    }

    @Test func nothingShowsInTheFirstSecondThenTheBarDoes() {
        let screen = Screen()
        let bar = bar(screen)
        bar.progress("running big.cts", done: 10, of: 100)
        screen.time += .milliseconds(900)
        bar.progress("running big.cts", done: 50, of: 100)
        #expect(screen.written.isEmpty)
        screen.time += .milliseconds(200)
        bar.progress("running big.cts", done: 60, of: 100)
        #expect(screen.written == "\r" + bar.line(width: 60) + "\u{1B}[K")
        #expect(
            bar.line(width: 60) == "running big.cts  " + String(repeating: "█", count: 22)
                + String(repeating: "░", count: 15) + "  60%")
        #expect(bar.isShown)
    }

    @Test func itIsRedrawnAtMostTenTimesASecondAndErasedAtTheEnd() {
        let screen = Screen()
        let bar = bar(screen)
        bar.progress("saving F", done: 0, of: 10)
        screen.time += .seconds(2)
        bar.progress("saving F", done: 1, of: 10)
        let once = screen.written
        screen.time += .milliseconds(50)
        bar.progress("saving F", done: 2, of: 10)
        #expect(screen.written == once)
        screen.time += .milliseconds(60)
        bar.progress("saving F", done: 3, of: 10)
        #expect(screen.written.count > once.count)
        bar.progressEnded()
        #expect(screen.written.hasSuffix("\r\u{1B}[K"))
        #expect(!bar.isShown)
        // Ended work leaves nothing behind: the next report starts its own second again.
        let before = screen.written
        bar.progress("saving F", done: 4, of: 10)
        #expect(screen.written == before)
    }

    @Test func anotherLabelIsNewWorkThatWaitsItsOwnSecond() {
        let screen = Screen()
        let bar = bar(screen)
        bar.progress("running a.cts", done: 1, of: 10)
        screen.time += .seconds(2)
        bar.progress("generating a province of 9 cadres", done: 1, of: 10)
        #expect(screen.written.isEmpty)
    }

    @Test func withoutATotalItCountsAndTheBarFitsNarrowTerminals() {
        let screen = Screen()
        let bar = bar(screen, columns: 30)
        bar.progress("importing cadres from -", done: 120_000, of: 0)
        #expect(bar.line(width: 30) == "importing cadres from -  120,000…")
        bar.progress("x", done: 1, of: 4)
        #expect(bar.line(width: 30).hasPrefix("x  █████"))
        #expect(bar.line(width: 30).count == "x  ".count + 21 + 5)
        bar.progress("x", done: 9, of: 4)
        #expect(bar.line(width: 30).hasSuffix(" 100%"))
    }
}

/// A long script at a real terminal (tmux) shows the bar on standard error while it runs and
/// leaves no trace of it; with standard error not a terminal there is none at all.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ProgressAtTheTerminalTests {
    static let script = ProvinceGenerator(cadres: 15_000, seed: 5).script()

    @Test func aLongScriptShowsABarThatGoesWhenItEnds() throws {
        let tmux = try TmuxSession()
        let path = tmux.home.appendingPathComponent("province.cts").path
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        try tmux.start(["-i", path])
        let running = try tmux.waitFor(60) { $0.contains("running \(path)  █") }
        #expect(running.contains("%"))
        let prompt = try tmux.waitFor(120) { $0.split(separator: "\n").last == "cts>" }
        #expect(!prompt.contains("█"), "\(prompt)")
        #expect(!prompt.contains("running"), "\(prompt)")
    }

    @Test func withoutATerminalThereIsNoBar() throws {
        let dir = try SessionScratch()
        try dir.write("province.cts", Self.script)
        let run = try dir.cts("province.cts", "-c", "count cadres as csv")
        #expect(run.status == 0 && run.out == "count\n15000\n" && run.err.isEmpty, "\(run)")
    }
}
