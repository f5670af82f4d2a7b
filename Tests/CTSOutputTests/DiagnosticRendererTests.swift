import CTSDomain
import CTSLanguage
import CTSOutput
import Testing

/// The renderer prints any problem's text the same way; most of these tests give it free text.
extension Diagnostic {
    fileprivate static func error(_ text: String, at range: SourceRange?, notes: [String] = []) -> Diagnostic {
        .error(Unclassified(text, phase: .running), at: range, notes: notes)
    }

    fileprivate init(_ severity: Severity, _ text: String, at range: SourceRange?, notes: [String] = []) {
        self.init(severity, Unclassified(text, phase: .running), at: range, notes: notes)
    }
}

@Suite struct DiagnosticRendererTests {
    /// A one-line range `[column, endColumn)` on `line` of file `file` (columns 1-based, in scalars).
    func range(_ file: Int, line: Int, _ column: Int, _ endColumn: Int, endLine: Int? = nil) -> SourceRange {
        SourceRange(
            SourceLocation(fileID: file, line: line, column: column, utf8Offset: 0),
            SourceLocation(fileID: file, line: endLine ?? line, column: endColumn, utf8Offset: 0)
        )
    }

    @Test func specExample() {
        let files = SourceFiles()
        let text = (1...13).map { "# line \($0)\n" }.joined() + "budget set js.orgg 2009 funds=1200000 revenue=3.2e10\n"
        let id = files.add(name: "budget.cts", text: text)
        let d = Diagnostic.error("unknown unit 'js.orgg' (did you mean 'js.org'?)", at: range(id, line: 14, 12, 19))
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            budget.cts:14:12: error: unknown unit 'js.orgg' (did you mean 'js.org'?)
                budget set js.orgg 2009 funds=1200000 revenue=3.2e10
                           ^~~~~~~
            """)
    }

    @Test func caretAfterChineseTextShiftsByDisplayWidth() {
        let files = SourceFiles()
        let id = files.add(name: "cadres.cts", text: "cadre add c9 name=\"张敏\" rank=bureu\n")
        let d = Diagnostic.error("unknown rank 'bureu' (did you mean 'bureau'?)", at: range(id, line: 1, 29, 34))
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            cadres.cts:1:29: error: unknown rank 'bureu' (did you mean 'bureau'?)
                cadre add c9 name="张敏" rank=bureu
                                              ^~~~~
            """)
    }

    @Test func spanOverWideTextIsTwoColumnsPerCharacter() {
        let files = SourceFiles()
        let id = files.add(name: "cadre.cts", text: "cadre add c9 name=张敏 rank=bureau")
        let d = Diagnostic.error("bare text must be quoted", at: range(id, line: 1, 19, 21))
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            cadre.cts:1:19: error: bare text must be quoted
                cadre add c9 name=张敏 rank=bureau
                                  ^~~~
            """)
    }

    @Test func emojiSequenceCountsAsOneWideCharacter() {
        let files = SourceFiles()
        let id = files.add(name: "echo.cts", text: "echo \"👨‍👩‍👧\" $nmae\n")
        let d = Diagnostic.error("unknown variable 'nmae'", at: range(id, line: 1, 14, 19))
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            echo.cts:1:14: error: unknown variable 'nmae'
                echo "👨‍👩‍👧" $nmae
                          ^~~~~
            """)
    }

    @Test func tabsBecomeSingleSpaces() {
        let files = SourceFiles()
        let id = files.add(name: "t.cts", text: "\tlist cadres whre rank > county\n")
        let d = Diagnostic.error("unexpected 'whre' (did you mean 'where'?)", at: range(id, line: 1, 14, 18))
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            t.cts:1:14: error: unexpected 'whre' (did you mean 'where'?)
                 list cadres whre rank > county
                             ^~~~
            """)
    }

    @Test func controlCharactersInTheLineAreEscapedAndTheCaretFollows() {
        let files = SourceFiles()
        let id = files.add(name: "esc.cts", text: "let s = \"\u{1B}[31m\" + bad\n")
        let d = Diagnostic.error("unknown variable 'bad'", at: range(id, line: 1, 19, 22))
        let out = DiagnosticRenderer.render(d, files: files)
        #expect(!out.contains("\u{1B}"))
        expectRendered(
            out,
            #"""
            esc.cts:1:19: error: unknown variable 'bad'
                let s = "\u{1B}[31m" + bad
                                       ^~~
            """#)
    }

    @Test func spanPastTheLineEndIsCutThere() {
        let files = SourceFiles()
        let id = files.add(name: "<command-line>", text: "list cadres where (rank > county\nsort name\n")
        let d = Diagnostic.error("missing ')'", at: range(id, line: 1, 19, 5, endLine: 2))
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            <command-line>:1:19: error: missing ')'
                list cadres where (rank > county
                                  ^~~~~~~~~~~~~~
            """)
    }

    @Test func emptySpanGetsALoneCaret() {
        let files = SourceFiles()
        let id = files.add(name: "q.cts", text: "list cadres where")
        let d = Diagnostic.error("expected a condition after 'where'", at: range(id, line: 1, 18, 18))
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            q.cts:1:18: error: expected a condition after 'where'
                list cadres where
                                 ^
            """)
    }

    /// A problem of the lexer and one of the parser, as the parser reports them: the text is
    /// the problem's message, the caret its range.
    @Test func lexingAndParsingProblemsRenderTheirMessage() {
        let files = SourceFiles()
        let text = "echo \"abc\nlsit units\n"
        let id = files.add(name: "p.cts", text: text)
        let items = Parser.parse(text, fileID: id)
        let diagnostics = items.compactMap { if case .error(let d) = $0 { d } else { nil } }
        #expect(diagnostics.count == 2)
        guard diagnostics.count == 2 else { return }
        #expect(diagnostics[0].is(LexProblem.unterminatedString, at: 1, 6))
        #expect(diagnostics[0].phase == .lexing)
        #expect(diagnostics[1].is(ParseProblem.unknownCommand("lsit", candidates: CommandTable.firstWords), at: 2, 1))
        #expect(diagnostics[1].phase == .parsing)
        expectRendered(
            diagnostics.map { DiagnosticRenderer.render($0, files: files) }.joined(),
            """
            p.cts:1:6: error: unterminated string
                echo "abc
                     ^~~~
            p.cts:2:1: error: unknown command 'lsit' (did you mean 'list'?)
                lsit units
                ^~~~
            """)
    }

    /// A domain error carries its own sentence.
    @Test func domainProblemsRenderTheirMessage() {
        let d = Diagnostic.error(DomainError(.courseFull(course: "k1", capacity: 30), field: "course"), at: nil)
        #expect(d.phase == .domain)
        expectRendered(
            DiagnosticRenderer.render(d, files: SourceFiles()),
            """
            cts: error: course k1 is full (capacity 30)
            """)
    }

    @Test func withoutRangeAndWithNotes() {
        let d = Diagnostic.error(
            "cannot open 'missing.cts'", at: nil, notes: ["run from the script's folder", "or give a full path"])
        expectRendered(
            DiagnosticRenderer.render(d, files: SourceFiles()),
            """
            cts: error: cannot open 'missing.cts'
                note: run from the script's folder
                note: or give a full path
            """)
    }

    @Test func warningWithNote() {
        let files = SourceFiles()
        let id = files.add(name: "w.cts", text: "rule add r1 hours=-5")
        let d = Diagnostic(
            .warning, "hours should be positive", at: range(id, line: 1, 13, 21), notes: ["the rule was defined here"])
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            w.cts:1:13: warning: hours should be positive
                rule add r1 hours=-5
                            ^~~~~~~~
                note: the rule was defined here
            """)
    }

    @Test func colorizeStylesSeverityAndCaretOnly() {
        let files = SourceFiles()
        let id = files.add(name: "c.cts", text: "lsit units")
        let error = Diagnostic.error("unknown command 'lsit'", at: range(id, line: 1, 1, 5), notes: ["try 'help'"])
        let plain = DiagnosticRenderer.render(error, files: files)
        #expect(!plain.utf8.contains(0x1B))
        expectRendered(
            DiagnosticRenderer.render(error, files: files, colorize: true),
            """
            c.cts:1:1: \u{1B}[1;31merror:\u{1B}[0m unknown command 'lsit'
                lsit units
                \u{1B}[32m^~~~\u{1B}[0m
                \u{1B}[1mnote:\u{1B}[0m try 'help'
            """)
        let warning = Diagnostic(.warning, "deprecated", at: nil)
        expectRendered(
            DiagnosticRenderer.render(warning, files: files, colorize: true),
            """
            cts: \u{1B}[1;33mwarning:\u{1B}[0m deprecated
            """)
    }

    @Test func controlCharactersInMessagesAreEscaped() {
        let d = Diagnostic.error("unknown unit 'x\u{1B}[2J'", at: nil)
        expectRendered(
            DiagnosticRenderer.render(d, files: SourceFiles()),
            #"""
            cts: error: unknown unit 'x\u{1B}[2J'
            """#)
    }

    @Test func unknownFileIsNamedButNotQuoted() {
        let d = Diagnostic.error("lost", at: range(7, line: 3, 2, 4))
        expectRendered(DiagnosticRenderer.render(d, files: SourceFiles()), "<unknown>:3:2: error: lost")
    }

    /// A range on line 2 of an ASCII source whose first line is `first` (offsets from columns).
    func asciiRange(_ file: Int, after first: String, _ column: Int, _ endColumn: Int) -> SourceRange {
        let base = first.utf8.count + 1
        return SourceRange(
            SourceLocation(fileID: file, line: 2, column: column, utf8Offset: base + column - 1),
            SourceLocation(fileID: file, line: 2, column: endColumn, utf8Offset: base + endColumn - 1))
    }

    @Test func aLongLineIsQuotedAroundTheCaret() {
        let files = SourceFiles()
        let line = String(repeating: "a", count: 440) + "nmae" + String(repeating: "b", count: 556)
        let id = files.add(name: "long.cts", text: "echo x\n" + line + "\necho y\n")
        let d = Diagnostic.error("unknown field 'nmae'", at: asciiRange(id, after: "echo x", 441, 445))
        expectRendered(
            DiagnosticRenderer.render(d, files: files),
            """
            long.cts:2:441: error: unknown field 'nmae'
                …\(String(repeating: "a", count: 60))nmae\(String(repeating: "b", count: 136))…
                 \(String(repeating: " ", count: 60))^~~~
            """)
    }

    @Test func aCaretNearEitherEndOfALongLineTakesTheWholeBudget() {
        let files = SourceFiles()
        let line = "x" + String(repeating: "é", count: 999_998) + "y"
        let id = files.add(name: "long.cts", text: "\n" + line)
        let atStart = Diagnostic.error("start", at: asciiRange(id, after: "", 1, 2))
        expectRendered(
            DiagnosticRenderer.render(atStart, files: files),
            """
            long.cts:2:1: error: start
                x\(String(repeating: "é", count: 199))…
                ^
            """)
        // The last character, `y`, is 1 + 2 × 999,998 bytes into the line.
        let end = SourceLocation(fileID: id, line: 2, column: 1_000_000, utf8Offset: 1 + 1 + 2 * 999_998)
        let atEnd = Diagnostic.error("end", at: SourceRange(end, end))
        expectRendered(
            DiagnosticRenderer.render(atEnd, files: files),
            """
            long.cts:2:1000000: error: end
                …\(String(repeating: "é", count: 199))y
                 \(String(repeating: " ", count: 199))^
            """)
    }

    @Test func aLineOfTwoHundredCharactersIsQuotedWhole() {
        let files = SourceFiles()
        let line = String(repeating: "张", count: 200)
        let id = files.add(name: "wide.cts", text: line)
        let d = Diagnostic.error("here", at: range(id, line: 1, 200, 201))
        let rendered = DiagnosticRenderer.render(d, files: files)
        #expect(rendered.contains("    " + line + "\n") && !rendered.contains("…"))
    }
}
