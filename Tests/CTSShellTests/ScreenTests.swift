import CTSInterpreter
import CTSLanguage
import CTSOutput
@testable import CTSShell
import Foundation
import Testing

/// The screen at a real 80x24 terminal (tmux, issue 10 item 7): tables fit its width, long
/// results go through the pager, and Ctrl-C stops printing.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ScreenTests {
    static let size = (columns: 80, rows: 24)

    func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// A script of `count` cadres, run with `-i` so that the prompt comes after it.
    func startWithCadres(_ tmux: TmuxSession, _ count: Int) throws {
        var script = "unit add js \"Jiangsu Province\" kind=locality level=province\n"
        for i in 0..<count {
            script += "cadre add c\(i) \"Cadre number \(i) of the province\" unit=js rank=county category=leading\n"
        }
        let path = tmux.home.appendingPathComponent("cadres.cts").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try tmux.start(["--no-rc", "-i", path], size: Self.size)
        try tmux.waitFor(120) { lastLine($0) == "cts>" }
        #expect(lastLine(try tmux.screen()) == "cts>")
    }

    @Test func aWideListIsCutToTheTerminal() throws {
        let tmux = try TmuxSession()
        try tmux.start(["--no-rc"], size: Self.size)
        try tmux.waitFor { lastLine($0) == "cts>" }
        try tmux.type(
            "unit add js \"Jiangsu Province, the provincial organization department of the Party\""
                + " kind=locality level=province; list units")
        try tmux.press("Enter")
        let screen = try tmux.waitFor { $0.contains("(1 row)") && lastLine($0) == "cts>" }
        let lines = screen.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix(" id ") })
        // Header, separator and the row: one line each, none wider than the terminal.
        #expect(lines[header + 1].count == 80, "\(screen)")
        #expect(lines[header + 2].hasPrefix(" js | Jiangsu Province, the provincial"))
        #expect(lines[header + 2].contains("… | locality"), "\(screen)")
        #expect(lines[header + 3] == "(1 row)")
        for line in lines[header...(header + 2)] { #expect(DisplayWidth.of(line) <= 80) }
    }

    @Test func aLongListOpensThePagerAndQReturnsToThePrompt() throws {
        let tmux = try TmuxSession()
        try startWithCadres(tmux, 100_000)
        try tmux.type("list cadres")
        try tmux.press("Enter")
        // less -FRX: the first screenful and its `:` prompt on the last line.
        let paged = try tmux.waitFor(60) { lastLine($0) == ":" && $0.contains("| Cadre number 5 of") }
        #expect(lastLine(paged) == ":", "\(paged)")
        #expect(!paged.contains("(100000 rows)"))
        try tmux.type("q")
        try tmux.waitFor(20) { lastLine($0) == "cts>" }
        try tmux.type("count cadres")
        try tmux.press("Enter")
        let after = try tmux.waitFor(20) { $0.contains(" 100000\n(1 row)") && lastLine($0) == "cts>" }
        #expect(after.contains(" 100000\n(1 row)"), "\(after)")
        #expect(lastLine(after) == "cts>")
    }

    /// An empty `$PAGER` means no pager; one that cannot start (here, not found) prints the
    /// result directly after the shell's complaint.
    @Test(arguments: ["", "cts-no-such-pager"])
    func withoutAPagerTheResultIsPrinted(_ pager: String) throws {
        let tmux = try TmuxSession()
        let path = tmux.home.appendingPathComponent("cadres.cts").path
        let script = (0..<100).map { "cadre add c\($0) \"Cadre \($0)\" unit=js rank=county category=leading\n" }
        try ("unit add js Jiangsu kind=locality level=province\n" + script.joined()).write(
            toFile: path, atomically: true, encoding: .utf8)
        try tmux.start(["--no-rc", "-i", path], environment: ["PAGER": pager], size: Self.size)
        try tmux.waitFor { lastLine($0) == "cts>" }
        try tmux.type("list cadres")
        try tmux.press("Enter")
        let screen = try tmux.waitFor { $0.contains("(100 rows)") && lastLine($0) == "cts>" }
        #expect(screen.contains(" c99 | Cadre 99 "), "\(screen)")
        #expect(screen.contains("(100 rows)"))
        #expect(lastLine(screen) == "cts>")
    }

    @Test func ctrlCStopsPrinting() throws {
        let tmux = try TmuxSession()
        try startWithCadres(tmux, 100_000)
        // The whole input stops: the cadre it added before the list is taken back.
        try tmux.type("set pager off; cadre add extra Extra unit=js rank=county category=leading; list cadres")
        try tmux.press("Enter")
        try tmux.waitFor(60) { $0.contains("| Cadre number") }
        try tmux.press("C-c")
        let stopped = try tmux.waitFor(10) { $0.contains("(output stopped: Ctrl-C)") && lastLine($0) == "cts>" }
        #expect(stopped.contains("(output stopped: Ctrl-C)"), "\(stopped)")
        #expect(!stopped.contains("(100000 rows)"))
        #expect(lastLine(stopped) == "cts>")
        // The session is as it was before the input, and the prompt takes the next command.
        try tmux.type("count cadres")
        try tmux.press("Enter")
        let after = try tmux.waitFor(20) { $0.contains(" 100000\n(1 row)") && lastLine($0) == "cts>" }
        #expect(after.contains(" 100000\n(1 row)"), "\(after)")
    }
}

/// `help` and the banner fit an 80-column terminal (issue 10 item 7).
@Suite struct HelpFitsTests {
    static var topics: [String?] {
        [nil] + Help.topics.map(\.name) + CommandTable.all.map(\.name) + CommandTable.all.map { $0.words[0] }
    }

    @Test(arguments: topics)
    func everyLineOfHelpFits80Columns(_ topic: String?) throws {
        let text = try #require(Help.text(for: topic))
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(DisplayWidth.of(String(line)) <= 80, "help \(topic ?? ""): \(line)")
        }
    }

    @Test func aLongUsageAndExampleStillReadAsOne() throws {
        let text = try #require(Help.text(for: "course add"))
        // The example goes on over ` \` lines, which cts joins back into the one command.
        let example = text.split(separator: "\n").drop { !$0.hasPrefix("example: ") }
        #expect(example.count > 1)
        #expect(example.dropLast().allSatisfy { $0.hasSuffix(" \\") })
        let joined = example.map { $0.hasSuffix(" \\") ? String($0.dropLast(2)) : String($0) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined == "example: " + CommandTable.spec(named: "course add")!.example)
    }

    @Test func theBannerFits80Columns() {
        let banners = [
            InteractiveShell.banner(sessionFile: nil),
            InteractiveShell.banner(sessionFile: "jiangsu.ctsdb", created: true),
            InteractiveShell.banner(sessionFile: "jiangsu.ctsdb", readOnly: true),
        ]
        for banner in banners {
            for line in banner.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
        }
    }
}

/// Printing in chunks that Ctrl-C can stop, and running `$PAGER`, without a terminal.
/// Serialized: running a pager changes the process's SIGINT and SIGPIPE for a moment.
@Suite(.serialized) struct PagerTests {
    static let text = (1...20_000).map { "row \($0) of the result\n" }.joined()

    @Test func withoutCtrlCEverythingIsWrittenInWholeLines() {
        var chunks: [String] = []
        let sink = OutputSink { chunks.append($0) }
        #expect(Screen.write(Self.text, to: sink, interrupted: { false }))
        #expect(chunks.joined() == Self.text)
        #expect(chunks.count > 4)
        #expect(chunks.allSatisfy { $0.hasSuffix("\n") && $0.utf8.count <= Screen.chunkBytes + 64 })
    }

    @Test func ctrlCStopsBetweenChunksAndSaysSo() {
        var written = ""
        let sink = OutputSink { written += $0 }
        var asked = 0
        let finished = Screen.write(Self.text, to: sink) {
            asked += 1
            return asked > 2
        }
        #expect(!finished)
        #expect(written.hasSuffix("\r\u{1B}[K(output stopped: Ctrl-C)\n"))
        #expect(written.hasPrefix("row 1 of the result\n"))
        #expect(!written.contains("row 20000 of"))
        #expect(written.utf8.count < 3 * Screen.chunkBytes)
    }

    @Test func linesAreCountedUpToTheLimit() {
        #expect(Screen.lineCount("a\nb\nc\n", moreThan: 2))
        #expect(!Screen.lineCount("a\nb\n", moreThan: 2))
    }

    @Test func thePagerGetsTheWholeText() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pager-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Pager.run("cat > \(TmuxSession.quote(path))", text: Self.text))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.text)
    }

    @Test func aPagerThatQuitsEarlyIsNoError() {
        // `head` reads a little and closes the pipe: the rest is dropped, not an error.
        #expect(Pager.run("head -c 10 >/dev/null", text: Self.text))
    }

    @Test func aPagerThatCannotStartSaysSo() {
        #expect(!Pager.run("cts-no-such-pager-here 2>/dev/null", text: Self.text))
    }
}
