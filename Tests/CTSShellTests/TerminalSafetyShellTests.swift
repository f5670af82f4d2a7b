import CTSDomain
import CTSInterpreter
import CTSOutput
@testable import CTSShell
import Foundation
import Testing

/// Text from data at the terminal (issue 11, item 6): every way the shell writes data to a
/// terminal shows control characters, escape sequences and bidi overrides escaped, and the
/// same results written to a file or a pipe keep the exact bytes.
@Suite struct TerminalSafetyShellTests {
    /// The name as written in a script (cts string escapes), and as stored.
    static let written = #"Li\u{1B}[31mWei\u{202E}moc.x\u{07}\u{9B}2J\u{0}z"#
    static let stored = "Li\u{1B}[31mWei\u{202E}moc.x\u{07}\u{9B}2J\u{0}z"

    static let setup = [
        "set pager off",
        #"unit add js "Jiangsu" kind=locality level=province"#,
        "cadre add c1 \"\(written)\" unit=js rank=county category=leading",
    ]

    /// What the shell wrote to standard output and standard error.
    final class Written: @unchecked Sendable {
        var out = ""
        var err = ""
    }

    /// A runner whose standard output and error are a terminal (`terminal`) or not, at the
    /// prompt (`interactive`: confirmations shown) or not.
    static func runner(terminal: Bool, interactive: Bool = true) -> (ScriptRunner, Written) {
        let written = Written()
        let runner = ScriptRunner(
            options: RunOptions(),
            out: OutputSink(isTerminal: terminal) { written.out += $0 },
            err: OutputSink(isTerminal: terminal) { written.err += $0 },
            today: Day(year: 2011, month: 1, day: 15)!)
        runner.interactive = interactive
        for line in setup { runner.runInteractive(line) }
        written.out = ""
        written.err = ""
        return (runner, written)
    }

    /// Runs `lines` at a terminal; what was written.
    static func atTerminal(_ lines: String...) -> Written {
        let (runner, written) = runner(terminal: true)
        for line in lines { runner.runInteractive(line) }
        return written
    }

    /// The scalars that must never reach a terminal raw, as hex (empty: safe).
    static func raw(_ text: String) -> [String] {
        let dangerous: Set<UInt32> = [0x00, 0x07, 0x1B, 0x0D, 0x7F, 0x9B, 0x202E, 0x2066, 0x200F, 0xFEFF]
        return text.unicodeScalars.filter { dangerous.contains($0.value) }.map { String($0.value, radix: 16) }
    }

    static let shown = #"Li\u{1B}[31mWei\u{202E}moc.x\u{07}\u{9B}2J\u{00}z"#

    // MARK: - Results

    @Test(arguments: ["table", "csv", "tsv", "json", "ndjson", "markdown", "html"])
    func aResultAtTheTerminalIsEscapedInEveryFormat(_ format: String) {
        let w = Self.atTerminal("list cadres columns id, name as \(format)")
        #expect(w.err == "")
        #expect(Self.raw(w.out).isEmpty, "\(w.out.debugDescription)")
        let expected = format.hasSuffix("json") ? #"Li\u001b[31mWei\u202emoc.x\u0007\u009b2J\u0000z"# : Self.shown
        #expect(w.out.contains(expected), "\(w.out)")
    }

    @Test func theSameResultToAPipeOrAFileIsExact() throws {
        let dir = try SessionScratch()
        let (runner, written) = Self.runner(terminal: false)
        runner.runInteractive("list cadres columns id, name as csv")
        #expect(written.out == "id,name\nc1,\(Self.stored)\n")
        let (atTerminal, _) = Self.runner(terminal: true)
        atTerminal.runInteractive("list cadres columns id, name as tsv > \"\(dir.path("out.tsv"))\"")
        atTerminal.runInteractive("export cadres to \"\(dir.path("all.json"))\" as json")
        #expect(try dir.text("out.tsv") == "id\tname\nc1\t\(Self.stored)\n")
        let exported = try dir.text("all.json")
        #expect(exported.contains(#""name": "Li\u001b[31mWei"# + "\u{202E}moc.x"), "\(exported)")
    }

    @Test func aChartLabelAtTheTerminalIsEscaped() {
        let w = Self.atTerminal("count cadres by name as chart")
        #expect(Self.raw(w.out).isEmpty, "\(w.out.debugDescription)")
        #expect(w.out.contains(#"Li\u{1B}[31m"#), "\(w.out)")
    }

    @Test func showAndDumpAtTheTerminalAreEscaped() {
        let w = Self.atTerminal("cadre show c1", "dump")
        #expect(Self.raw(w.out).isEmpty, "\(w.out.debugDescription)")
        #expect(w.out.contains(#"Li\u{1B}[31m"#), "\(w.out)")
    }

    // MARK: - Text

    @Test func echoAndPrintAreEscapedAtTheTerminalAndExactElsewhere() {
        let lines = [
            "let n = \"\(Self.written)\"", "echo name: $n", "print name of cadre c1",
            #"echo "two\nlines\tand a tab""#,
        ]
        let (terminal, shown) = Self.runner(terminal: true)
        for line in lines { terminal.runInteractive(line) }
        #expect(Self.raw(shown.out).isEmpty, "\(shown.out.debugDescription)")
        #expect(shown.out == "name: \(Self.shown)\n\(Self.shown)\ntwo\nlines\tand a tab\n", "\(shown.out)")
        let (pipe, exact) = Self.runner(terminal: false)
        for line in lines { pipe.runInteractive(line) }
        #expect(exact.out == "name: \(Self.stored)\n\(Self.stored)\ntwo\nlines\tand a tab\n")
    }

    @Test func theLineEchoShowsIsEscapedAtTheTerminalAndExactElsewhere() {
        for terminal in [true, false] {
            let (runner, written) = Self.runner(terminal: terminal, interactive: false)
            runner.runInteractive("set echo on")
            written.out = ""
            runner.runInteractive("echo \"a\u{202E}b\"")
            let quoted = terminal ? #"a\u{202E}b"# : "a\u{202E}b"
            #expect(written.out == "cts> echo \"\(quoted)\"\n\(quoted)\n", "\(written.out.debugDescription)")
        }
    }

    @Test func aConfirmationQuotingAPathIsEscapedAtTheTerminal() throws {
        let dir = try SessionScratch()
        let w = Self.atTerminal("export cadres to \"\(dir.path("a"))\\u{202E}vsc.csv\"")
        #expect(w.err == "")
        #expect(Self.raw(w.out).isEmpty, "\(w.out.debugDescription)")
        #expect(w.out == "exported 1 cadre to \(dir.path("a"))\\u{202E}vsc.csv\n")
    }

    @Test func anErrorQuotingDataIsEscaped() {
        let w = Self.atTerminal(
            "cadre add c1 \"\(Self.written)\" unit=js rank=county category=leading", "help \"\\u{1B}]0;x\"")
        #expect(w.err.contains("c1"), "\(w.err)")
        #expect(w.err.contains(#"\u{1B}]0;x"#), "\(w.err)")
        #expect(Self.raw(w.err).isEmpty, "\(w.err.debugDescription)")
    }

    @Test func theHistoryListingIsEscaped() {
        let (runner, written) = Self.runner(terminal: true)
        let history = History(path: nil)
        _ = history.add("echo \u{1B}[31mred\u{202E}")
        _ = history.add("echo a\nb")
        runner.history = history
        runner.runInteractive("history")
        #expect(Self.raw(written.out).isEmpty, "\(written.out.debugDescription)")
        #expect(written.out.contains(#"echo \u{1B}[31mred\u{202E}"#), "\(written.out)")
        #expect(written.out.contains("echo a ⏎ b"), "\(written.out)")
    }

    @Test func completionListsAreEscapedAndAligned() {
        let candidates = [
            CompletionCandidate(text: "c1", detail: Self.stored),
            CompletionCandidate(text: "c2\u{202E}", detail: "Wang"),
            CompletionCandidate(text: "c3", detail: "Zhang"),
        ]
        let listing = LibEditLineEditor.columns(candidates, width: 200)
        #expect(Self.raw(listing).isEmpty, "\(listing.debugDescription)")
        #expect(listing.contains(#"c2\u{202E} (Wang)"#), "\(listing)")
        // Laid out by the escaped width: one row, the columns equally wide, so the third
        // starts twice as far in as the second.
        let line = String(listing.dropLast())
        #expect(!line.contains("\n"), "\(listing)")
        func column(of text: String) -> Int {
            DisplayWidth.of(String(line[..<(line.range(of: text)?.lowerBound ?? line.endIndex)]))
        }
        #expect(column(of: "c2") > 30)
        #expect(column(of: "c3") == 2 * column(of: "c2"), "\(listing)")
    }

    @Test func aProgressLabelNamingAFileIsEscaped() {
        var drawn = ""
        var clock = ContinuousClock.now
        let bar = ProgressBar(write: { drawn += $0 }, columns: { 80 }, now: { clock })
        bar.progress("importing cadres from x\u{1B}[2J.csv", done: 1, of: 10)
        clock = clock.advanced(by: .seconds(2))
        bar.progress("importing cadres from x\u{1B}[2J.csv", done: 5, of: 10)
        #expect(drawn.contains(#"x\u{1B}[2J.csv"#), "\(drawn.debugDescription)")
        #expect(!drawn.contains("\u{1B}[2J"))
    }
}

/// The terminal itself (tmux): a name with a colour sequence and a bidi override listed at the
/// prompt shows escaped, and the terminal's colours are as they were after it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct TerminalSafetyTmuxTests {
    @Test func listingANastyNameLeavesTheTerminalAsItWas() throws {
        let tmux = try TmuxSession()
        defer { tmux.stop() }
        let script = TerminalSafetyShellTests.setup.joined(separator: "\n") + "\n"
        let path = tmux.home.appendingPathComponent("setup.cts").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try tmux.start(["--no-rc", "-i", path], environment: ["NO_COLOR": "1", "CTS_HISTORY": "off"])
        try tmux.waitFor { $0.split(separator: "\n").last == "cts>" }
        try tmux.type("list cadres columns id, name")
        try tmux.press("Enter")
        try tmux.waitFor { $0.contains("(1 row)") && $0.split(separator: "\n").last == "cts>" }
        try tmux.type("echo after")
        try tmux.press("Enter")
        let screen = try tmux.waitFor { $0.contains("\nafter\n") && $0.split(separator: "\n").last == "cts>" }
        #expect(screen.contains(" c1 | \(TerminalSafetyShellTests.shown)"), "\(screen)")
        #expect(!screen.unicodeScalars.contains("\u{202E}"), "\(screen)")
        // With escapes: no colour was set anywhere on the screen (NO_COLOR: cts sets none).
        let styled = try tmux.screen(escapes: true)
        #expect(!styled.contains("\u{1B}[31m"), "\(styled.debugDescription)")
        #expect(!styled.contains("\u{1B}["), "\(styled.debugDescription)")
    }
}
