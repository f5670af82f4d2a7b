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

    @Test func ctrlCStopsPrinting() throws {
        let tmux = try TmuxSession()
        try startWithCadres(tmux, 100_000)
        try tmux.type("set pager off; list cadres")
        try tmux.press("Enter")
        try tmux.waitFor(60) { $0.contains("| Cadre number") }
        try tmux.press("C-c")
        let stopped = try tmux.waitFor(10) { $0.contains("(output stopped: Ctrl-C)") && lastLine($0) == "cts>" }
        #expect(stopped.contains("(output stopped: Ctrl-C)"), "\(stopped)")
        #expect(!stopped.contains("(100000 rows)"))
        #expect(lastLine(stopped) == "cts>")
        // The session is as it was, and the prompt takes the next command.
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
