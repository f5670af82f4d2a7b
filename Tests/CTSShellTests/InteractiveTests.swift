import Foundation
import Testing

/// The interactive shell at a real terminal (tmux): what a trainer sees and types.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct InteractiveTests {
    /// A small province the completion and query tests use.
    static let setup = """
        unit add js "Jiangsu Province" kind=locality level=province
        unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
        cadre add c-101 "Li Wei" unit=js rank=county category=leading
        cadre add c-102 "Wang Fang" unit=js rank=staff category=civil-servant
        course add k1 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12
        """

    func startShell(_ session: TmuxSession, _ arguments: [String] = [], environment: [String: String] = [:]) throws {
        try session.start(arguments, environment: environment)
        // capture-pane drops trailing spaces, so the bare prompt reads "cts>".
        try session.waitFor { $0.split(separator: "\n").last == "cts>" }
    }

    func writeSetup(_ session: TmuxSession) throws -> String {
        let path = session.home.appendingPathComponent("setup.cts").path
        try Self.setup.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The last line on the screen that holds text.
    func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func bannerAndPrompt() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        let screen = try tmux.screen()
        #expect(screen.contains("cts 0.1.0 · type 'help' for commands, 'quit' to leave\nsession in memory only"))
        #expect(screen.contains("in memory only"))
        #expect(lastLine(screen) == "cts>")
    }

    @Test func editingKeepsChineseAndSpanishIntact() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        try tmux.type("echo 中央党 ñ")
        try tmux.press("C-a")
        for _ in 0..<5 { try tmux.press("Right") }
        try tmux.type("X")
        try tmux.press("C-e")
        try tmux.type("!")
        for _ in 0..<4 { try tmux.press("Left") }
        try tmux.type("Y")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("\nX中央Y党 ñ!")
        #expect(screen.contains("cts> echo X中央Y党 ñ!"))
    }

    @Test func historySurvivesARestartAndIsPrivate() throws {
        let first = try TmuxSession()
        try startShell(first)
        try first.type("count units")
        try first.press("Enter")
        try first.waitFor("(1 row)")
        try first.press("C-d")
        try first.waitFor { _ in (try? first.exited()) == true }
        #expect(try first.exited())
        let file = first.home.appendingPathComponent("state/cts/history").path
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "count units\n")
        first.stop()

        let second = try TmuxSession(home: first.home)
        try startShell(second)
        try second.press("Up")
        let screen = try second.waitFor("cts> count units")
        #expect(lastLine(screen) == "cts> count units")
    }

    @Test func upArrowSearchesByWhatIsTyped() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        for command in ["count units", "list units", "echo done"] {
            try tmux.type(command)
            try tmux.press("Enter")
        }
        try tmux.waitFor("\ndone")
        try tmux.type("co")
        try tmux.press("Up")
        let screen = try tmux.waitFor { lastLine($0) == "cts> count units" }
        #expect(lastLine(screen) == "cts> count units")
    }

    @Test func ctrlRFindsAnOldCommand() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        // Each after the one before has answered: typed ahead, a line is echoed by the terminal
        // before the output of the one running, which then does not start a line.
        for (command, output) in [
            ("echo first-marker", "\nfirst-marker"), ("count units", "(1 row)"), ("echo last", "\nlast"),
        ] {
            try tmux.type(command)
            try tmux.press("Enter")
            try tmux.waitFor(output)
        }
        // Ctrl-R typed before libedit takes the terminal would go to the tty driver (reprint).
        try tmux.waitFor { lastLine($0) == "cts>" }
        try tmux.press("C-r")
        try tmux.type("first-m")
        // As a user does: Enter once the match is on the screen (the line above the search).
        try tmux.waitFor { screen in
            let lines = screen.split(separator: "\n")
            return lines.last == "bck:first-m" && lines.dropLast().last == "cts> echo first-marker"
        }
        try tmux.press("Enter")
        try tmux.waitFor { $0.components(separatedBy: "\nfirst-marker").count == 3 }
        let after = try tmux.screen()
        #expect(after.components(separatedBy: "\nfirst-marker").count == 3, "\(after)")
    }

    @Test func tabCompletesACommandWord() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        try tmux.type("enr")
        try tmux.press("Tab")
        let screen = try tmux.waitFor { lastLine($0) == "cts> enroll" }
        #expect(lastLine(screen) == "cts> enroll")
    }

    @Test func tabListsMatchingCadreIdsWithNames() throws {
        let tmux = try TmuxSession()
        try startShell(tmux, ["-i", try writeSetup(tmux)])
        try tmux.type("cadre show c-1")
        try tmux.press("Tab")
        try tmux.waitFor { lastLine($0) == "cts> cadre show c-10" }
        try tmux.press("Tab")
        let screen = try tmux.waitFor("Wang Fang")
        #expect(screen.contains("c-101 (Li Wei)"))
        #expect(screen.contains("c-102 (Wang Fang)"))
        #expect(lastLine(screen) == "cts> cadre show c-10")
    }

    @Test func ctrlCAtThePromptDiscardsTheLine() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        try tmux.type("unit add half-typed")
        // As a user does: Ctrl-C once the text is on the line.
        try tmux.waitFor { lastLine($0) == "cts> unit add half-typed" }
        try tmux.press("C-c")
        // The terminal flushes typed-ahead input on Ctrl-C (no NOFLSH), as it does for every
        // shell, so the next line is typed at the fresh prompt.
        try tmux.waitFor { lastLine($0).trimmingCharacters(in: .whitespaces) == "cts>" }
        try tmux.type("echo after")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("\nafter")
        #expect(!screen.contains("error"))
        #expect(!(try tmux.exited()))
    }

    /// A line is one transaction: a command that fails takes back the ones before it, so
    /// their confirmations are not shown; when the whole line succeeds they are, in order.
    @Test func aLineThatFailsConfirmsNothingItTookBack() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        let add = #"unit add a "A" kind=locality level=province"#
        try tmux.type("\(add); \(add)")
        try tmux.press("Enter")
        var screen = try tmux.waitFor("already exists")
        #expect(!screen.contains("added unit a"), "\(screen)")
        try tmux.type(#"\#(add); unit add b "B" kind=locality level=city parent=a; count units"#)
        try tmux.press("Enter")
        screen = try tmux.waitFor("added unit b")
        #expect(screen.contains("added unit a\nadded unit b"), "\(screen)")
        #expect(screen.contains("     2\n(1 row)"), "\(screen)")
    }

    @Test func ctrlCCancelsALongCommandAndKeepsTheSession() throws {
        let tmux = try TmuxSession()
        let big = tmux.home.appendingPathComponent("big.cts")
        var text = "unit add root \"Root\" kind=locality level=province\n"
        for i in 0..<400_000 { text += "unit add u\(i) \"Unit \(i)\" kind=department level=city parent=root\n" }
        try text.write(to: big, atomically: true, encoding: .utf8)
        try startShell(tmux)
        try tmux.type("include \"\(big.path)\"")
        try tmux.press("Enter")
        usleep(800_000)
        try tmux.press("C-c")
        try tmux.waitFor("interrupted", timeout: 30)
        try tmux.type("count units")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("(1 row)")
        #expect(screen.contains("\n     0\n"), "the include was taken back whole")
        #expect(!(try tmux.exited()))
    }

    @Test func unfinishedCommandsContinueOnTheNextLine() throws {
        let tmux = try TmuxSession()
        try startShell(tmux, ["-i", try writeSetup(tmux)])
        try tmux.type("count units \\")
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "...>" }
        try tmux.type("where level = province")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("(1 row)")
        #expect(screen.contains("     2"))
    }

    @Test func ctrlDOnAnEmptyLineLeaves() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        try tmux.press("C-d")
        try tmux.waitFor { _ in (try? tmux.exited()) == true }
        #expect(try tmux.exited())
    }

    @Test func rcFileRunsBeforeThePromptAndItsErrorsAreReported() throws {
        let tmux = try TmuxSession()
        let config = tmux.home.appendingPathComponent("config/cts")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "echo rc ran\nlet x = 5\nbogus command\n".write(
            to: config.appendingPathComponent("ctsrc"),
            atomically: true, encoding: .utf8)
        try startShell(tmux)
        let screen = try tmux.screen()
        #expect(screen.contains("rc ran"))
        #expect(screen.contains("ctsrc:3:1: error: unknown command 'bogus'"))
        try tmux.type("echo x is $x")
        try tmux.press("Enter")
        try tmux.waitFor("x is 5")
    }

    @Test func noRCSkipsTheRcFile() throws {
        let tmux = try TmuxSession()
        let config = tmux.home.appendingPathComponent("config/cts")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "echo rc ran\n".write(to: config.appendingPathComponent("ctsrc"), atomically: true, encoding: .utf8)
        try startShell(tmux, ["--no-rc"])
        #expect(!(try tmux.screen()).contains("rc ran"))
    }

    @Test func promptIsColouredAtATerminalUnlessNoColor() throws {
        let coloured = try TmuxSession()
        try startShell(coloured)
        #expect(try coloured.screen(escapes: true).contains("\u{1B}["))
        let plain = try TmuxSession()
        try startShell(plain, environment: ["NO_COLOR": "1"])
        #expect(!(try plain.screen(escapes: true)).contains("\u{1B}["))
    }

    @Test func historyOffKeepsNoFile() throws {
        let tmux = try TmuxSession()
        try startShell(tmux, environment: ["CTS_HISTORY": "off"])
        try tmux.type("count units")
        try tmux.press("Enter")
        try tmux.waitFor("(1 row)")
        #expect(!FileManager.default.fileExists(atPath: tmux.home.appendingPathComponent("state/cts/history").path))
    }

    /// Issue 7 item 8: at "Leave anyway?" Ctrl-C and Ctrl-D mean no, every time; only y leaves.
    @Test func leavingWithUnsavedChangesTakesAYes() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        try tmux.type("unit add js \"Jiangsu\" kind=locality level=province")
        try tmux.press("Enter")
        try tmux.waitFor("added unit js")
        let question = "1 change is in memory only. Leave anyway? (y/n)"
        func questions() throws -> Int { try tmux.screen().components(separatedBy: question).count - 1 }
        try tmux.type("quit")
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == question }
        try tmux.press("C-c")
        try tmux.waitFor { lastLine($0) == "cts>" }
        #expect(!(try tmux.exited()))
        try tmux.press("C-d")
        try tmux.waitFor { lastLine($0) == question }
        #expect(try questions() == 2, "asked again")
        try tmux.press("C-d")
        try tmux.waitFor { lastLine($0) == "cts>" }
        #expect(!(try tmux.exited()))
        try tmux.type("quit")
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == question }
        try tmux.type("n")
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "cts>" }
        try tmux.type("count units")
        try tmux.press("Enter")
        try tmux.waitFor("(1 row)")
        #expect(try tmux.screen().contains("\n     1\n"), "the change is still there")
        try tmux.type("quit")
        try tmux.press("Enter")
        try tmux.waitFor { _ in (try? questions()) == 4 }
        try tmux.type("y")
        try tmux.press("Enter")
        try tmux.waitFor { _ in (try? tmux.exited()) == true }
        #expect(try tmux.exited())
    }

    /// Issue 7 item 11: a mistyped `-s` name shows up as a new file in the banner.
    @Test func bannerSaysWhenTheSessionFileIsNew() throws {
        let first = try TmuxSession()
        let path = first.home.appendingPathComponent("jiangsu.ctsdb").path
        try startShell(first, ["-s", path])
        #expect(try first.screen().contains("\nnew session file \(path) created"))
        try first.press("C-d")
        try first.waitFor { _ in (try? first.exited()) == true }
        first.stop()
        let second = try TmuxSession(home: first.home)
        try startShell(second, ["-s", path])
        let screen = try second.screen()
        #expect(screen.contains("\nsession file \(path)"))
        #expect(!screen.contains("new session file"))
    }

    /// Issue 7 item 12: `pause` shows its message and waits for Enter, in the scripts of `-i`
    /// and at the prompt; Ctrl-C there stops the input like any command.
    @Test func pauseWaitsForEnter() throws {
        let tmux = try TmuxSession()
        let script = tmux.home.appendingPathComponent("talk.cts")
        try "echo before\npause \"Next: the units\"\necho after\n".write(to: script, atomically: true, encoding: .utf8)
        try tmux.start(["-i", script.path])
        try tmux.waitFor { lastLine($0) == "Next: the units (press Enter to go on)" }
        usleep(300_000)
        #expect(!(try tmux.screen()).contains("\nafter"))
        try tmux.press("Enter")
        try tmux.waitFor { $0.contains("\nafter") && lastLine($0) == "cts>" }

        try tmux.type("pause; echo done")
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "(press Enter to go on)" }
        usleep(300_000)
        #expect(!(try tmux.screen()).contains("\ndone"))
        try tmux.press("Enter")
        try tmux.waitFor { $0.contains("\ndone") && lastLine($0) == "cts>" }

        try tmux.type("unit add js \"Jiangsu\" kind=locality level=province; pause \"Keep it?\"")
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "Keep it? (press Enter to go on)" }
        try tmux.press("C-c")
        try tmux.waitFor("interrupted")
        try tmux.type("count units")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("(1 row)")
        #expect(screen.contains("\n     0\n"), "the interrupted input was taken back")
    }

    /// Issue 7 item 14: strings never span lines, so an open quote is an error at once, not `...>`.
    @Test func openQuoteIsReportedAtOnce() throws {
        let tmux = try TmuxSession()
        try startShell(tmux)
        try tmux.type("echo \"Jiangsu")
        try tmux.press("Enter")
        let screen = try tmux.waitFor { $0.contains("unterminated string") && lastLine($0) == "cts>" }
        #expect(screen.contains("<stdin>:1:6: error: unterminated string"))
        #expect(!screen.contains("...>"))
        // A trailing `\` and an open `(` still continue.
        try tmux.type("count units where (level =")
        try tmux.press("Enter")
        try tmux.waitFor { lastLine($0) == "...>" }
        try tmux.type("province)")
        try tmux.press("Enter")
        try tmux.waitFor("(1 row)")
    }

    /// Issue 7 item 16: cts works in UTF-8 whatever the locale says: under LC_ALL=C, and with
    /// no locale at all, Chinese typed at the prompt arrives whole.
    @Test func chineseSurvivesTheCLocale() throws {
        for environment in [["LC_ALL": "C", "LANG": "C"], ["LC_ALL": "", "LANG": ""]] {
            let tmux = try TmuxSession()
            try startShell(tmux, environment: environment)
            try tmux.type("echo 张敏 ok")
            try tmux.press("Enter")
            let screen = try tmux.waitFor { $0.contains("\n张敏 ok") }
            #expect(screen.contains("cts> echo 张敏 ok"), "with \(environment)")
            #expect(screen.contains("\n张敏 ok"), "with \(environment)")
        }
    }

    @Test func noColourWhenPiped() throws {
        let dir = FileManager.default.temporaryDirectory
        let input = dir.appendingPathComponent("cts-pipe-\(UUID().uuidString).cts")
        try "help\nunit add js \"J\" kind=locality level=province\nlist units\nlisst\n".write(
            to: input, atomically: true,
            encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        let (status, stdout, stderr) = try runCTS([], in: dir, stdin: input, environment: environment)
        #expect(status == 1)
        #expect(stdout.contains("js | J"))
        #expect(!stdout.contains("\u{1B}") && !stderr.contains("\u{1B}"))
        #expect(stderr.contains("<stdin>:4:1: error: unknown command 'lisst'"))
    }
}
