import CTSDomain
import CTSLanguage
import CTSOutput
import Foundation
import Testing

/// Text from data never reaches the terminal raw (issue 11, item 6): the one escaping function
/// (`TerminalText`), and every renderer that writes for the screen. The machine formats stay
/// exact when rendered; only `TerminalText.result` (what the shell applies at a terminal)
/// escapes them.
@Suite struct TerminalSafetyTests {
    /// A name with an SGR sequence (red), a bidi override, a bell, a C1 CSI, a NUL, a CR, DEL,
    /// an isolate, a right-to-left mark, a byte order mark and a line separator.
    static let nasty = "Li\u{1B}[31mWei\u{202E}moc.x\u{07}\u{9B}2J\u{00}a\rb\u{7F}\u{2066}c\u{200F}\u{FEFF}\u{2028}!"

    /// The scalars of `nasty` that must never be written raw to a terminal. Listed here, not
    /// taken from `TerminalText`, so that a gap in it fails these tests.
    static let dangerous: Set<UInt32> = [
        0x1B, 0x202E, 0x07, 0x9B, 0x00, 0x0D, 0x7F, 0x2066, 0x200F, 0xFEFF, 0x2028,
        0x202A, 0x202B, 0x202C, 0x202D, 0x2067, 0x2068, 0x2069, 0x200E, 0x061C, 0x2029, 0x85,
    ]

    /// The dangerous scalars in `text`, as hex, for a readable failure.
    static func raw(_ text: String) -> [String] {
        text.unicodeScalars.filter { dangerous.contains($0.value) }.map { String($0.value, radix: 16) }
    }

    static let table = ResultTable(
        title: "Cadres \u{1B}[2J", columns: ["id", "name\u{202E}"],
        rows: [[.text("c1"), .text(nasty)], [.text("c2\u{1B}]0;title\u{07}"), .text("Wang")]],
        notes: ["note \u{202E}x"])

    // MARK: - The escaping function

    @Test func everyKindOfDangerousScalarIsShownAsAnEscape() {
        #expect(
            TerminalText.escaped(Self.nasty)
                == #"Li\u{1B}[31mWei\u{202E}moc.x\u{07}\u{9B}2J\u{00}a\rb\u{7F}\u{2066}c\u{200F}\u{FEFF}\u{2028}!"#)
        for value in Self.dangerous {
            let scalar = Unicode.Scalar(value)!
            let shown = TerminalText.escaped("x" + String(Character(scalar)) + "y")
            #expect(Self.raw(shown).isEmpty, "U+\(String(value, radix: 16)) came through as \(shown.debugDescription)")
            #expect(shown.hasPrefix("x\\") && shown.hasSuffix("y"), "\(shown.debugDescription)")
        }
    }

    @Test func textWithNothingToEscapeIsUnchanged() {
        // Joiners (emoji, Persian), combining marks, CJK, right-to-left letters without controls.
        for text in ["Li Wei", "张敏", "👨‍👩‍👧", "می‌خواهم", "e\u{301}", "مرحبا", "Peña Núñez", ""] {
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func textOfSeveralLinesKeepsItsLineFeedsAndTabsButNotItsCarriageReturns() {
        #expect(TerminalText.escapedLines("a\tb\nc\u{1B}[0m\r\n") == "a\tb\n" + #"c\u{1B}[0m\r"# + "\n")
        #expect(TerminalText.escaped("a\tb\nc") == #"a\tb\nc"#)
        #expect(TerminalText.escaped("a\tb", tabs: .space) == "a b")
    }

    @Test func theJSONNotationWritesJSONEscapes() {
        #expect(TerminalText.escaped("a\u{202E}b\u{1B}", notation: .json) == #"a\u202eb\u001b"#)
    }

    @Test func escapedTextIsMeasuredAsItIsShown() {
        let shown = TerminalText.escaped("a\u{202E}b")
        #expect(DisplayWidth.of(shown) == 10)
    }

    // MARK: - The renderers for people escape wherever they write

    @Test(arguments: [OutputFormat.table, .markdown])
    func peoplesFormatsEscapeCellsHeadersTitlesAndNotes(_ format: OutputFormat) {
        let text = Renderer.render(Self.table, as: format)
        #expect(Self.raw(text).isEmpty, "\(text.debugDescription)")
        #expect(text.contains(#"Li\u{1B}[31mWei\u{202E}moc.x"#), "\(text)")
    }

    @Test func tableColumnsLineUpAroundEscapedCells() {
        let text = Renderer.render(Self.table, as: .table)
        let lines = text.split(separator: "\n").map(String.init).filter { $0.contains("|") || $0.contains("+") }
        let bars = lines.map(Fixtures.barColumns)
        #expect(bars.count == 4, "\(text)")
        #expect(Set(bars).count == 1, "\(text)")
    }

    @Test func chartLabelsAreEscaped() {
        var t = ResultTable(
            columns: ["unit\u{202E}", "count"],
            rows: [[.text("js\u{1B}[31m"), .number(2)], [.text("nj"), .number(1)]])
        t.chart = ChartShape(labels: [0], value: 1)
        var text = ""
        Renderer.write(t, OutputSpec(.chart, width: 40), to: &text)
        #expect(Self.raw(text).isEmpty, "\(text.debugDescription)")
        #expect(text.contains(#"js\u{1B}[31m"#))
    }

    @Test func anErrorEscapesItsMessageNotesAndSourceLineAndTheCaretFollows() {
        let files = SourceFiles()
        let id = files.add(name: "b\u{202E}.cts", text: "echo \"\u{202E}\u{07}\" $bad\n")
        let range = SourceRange(
            SourceLocation(fileID: id, line: 1, column: 11, utf8Offset: 0),
            SourceLocation(fileID: id, line: 1, column: 15, utf8Offset: 0))
        let d = Diagnostic.error(
            Unclassified("unknown variable 'x\u{202E}'", phase: .running), at: range, notes: ["see \u{9B}"])
        let out = DiagnosticRenderer.render(d, files: files)
        #expect(Self.raw(out).isEmpty, "\(out.debugDescription)")
        expectRendered(
            out,
            #"""
            b\u{202E}.cts:1:11: error: unknown variable 'x\u{202E}'
                echo "\u{202E}\u{07}" $bad
                                      ^~~~
                note: see \u{9B}
            """#)
    }

    // MARK: - The formats for programs: exact when rendered, escaped only for the terminal

    @Test(arguments: [OutputFormat.csv, .tsv, .json, .ndjson])
    func programsFormatsAreExactUntilShownAtATerminal(_ format: OutputFormat) {
        let exact = Renderer.render(Self.table, as: format)
        let shown = TerminalText.result(exact, as: format)
        #expect(shown != exact)
        #expect(Self.raw(shown).isEmpty, "\(shown.debugDescription)")
        // Exact: csv and tsv hold every scalar as it is (json escapes the controls its own way).
        if format == .csv || format == .tsv {
            #expect(exact.contains("\u{1B}[31mWei\u{202E}"))
            #expect(shown.contains(#"\u{1B}[31mWei\u{202E}"#))
        } else {
            #expect(exact.contains("\u{202E}"))
        }
        // Lines (and tsv's tabs) are the structure: the same count on the screen.
        #expect(shown.split(separator: "\n").count == exact.split(separator: "\n").count)
        #expect(shown.filter { $0 == "\t" }.count == exact.filter { $0 == "\t" }.count)
    }

    @Test func jsonAtTheTerminalIsStillTheSameJSON() throws {
        let exact = Renderer.render(Self.table, as: .json)
        let shown = TerminalText.result(exact, as: .json)
        let a = try JSONSerialization.jsonObject(with: Data(exact.utf8)) as? [[String: String]]
        let b = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [[String: String]]
        #expect(a != nil && a == b)
        #expect(b?.first?["name\u{202E}"] == Self.nasty)
        for line in TerminalText.result(Renderer.render(Self.table, as: .ndjson), as: .ndjson).split(separator: "\n") {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: String])
        }
    }

    @Test func theReadersFormatsAreLeftAsTheyAreForTheTerminal() {
        let table = Renderer.render(Self.table, as: .table, colorize: true)
        #expect(TerminalText.result(table, as: .table) == table)  // its bold header stays bold
    }

    /// The html page escapes the controls (XML forbids them) but leaves bidi text to the
    /// browser; at a terminal it is escaped like the other text.
    @Test func htmlKeepsBidiInThePageAndEscapesItAtTheTerminal() {
        let page = Renderer.render(Self.table, as: .html)
        #expect(!page.contains("\u{1B}"))
        #expect(page.contains("\u{202E}"))
        #expect(Self.raw(TerminalText.result(page, as: .html)).isEmpty)
    }
}
