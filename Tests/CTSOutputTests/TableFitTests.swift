import Foundation
import CTSDomain
import Testing

@testable import CTSOutput

@Suite struct TableFitTests {
    private func rendered(_ table: ResultTable, width: Int?, colorize: Bool = false) -> String {
        var text = ""
        Renderer.write(table, OutputSpec(.table, width: width), colorize: colorize, to: &text)
        return text
    }

    /// The display width of the widest line of a rendering.
    private func widest(_ text: String) -> Int {
        text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    private let people = ResultTable(
        columns: ["id", "name", "hours", "note"],
        rows: [
            [.text("c1"), .text("Li Wei"), .number(390), .text("leads the county training office since 2008")],
            [.text("c3"), .text("Zhang Min – 张敏张敏张敏"), .number(7.5), .text("组长 🎉 of the provincial school")],
        ])

    @Test func aTableThatFitsIsUnchanged() {
        #expect(rendered(people, width: 200) == rendered(people, width: nil))
        #expect(rendered(Fixtures.cadres, width: 1000) == Renderer.render(Fixtures.cadres, as: .table))
    }

    /// 85 columns into 60: the two long text columns are cut level (21 each), to the last column.
    @Test func theWidestTextColumnsAreCutAndTheTableFillsTheWidth() {
        expectRendered(
            rendered(people, width: 60),
            """
             id | name                  | hours | note
            ----+-----------------------+-------+-----------------------
             c1 | Li Wei                |   390 | leads the county tra…
             c3 | Zhang Min – 张敏张敏… |   7.5 | 组长 🎉 of the provi…
            (2 rows)
            """)
        #expect(widest(rendered(people, width: 60)) == 60)
    }

    @Test func severalTextColumnsShareTheCutButNumbersAreKept() {
        let text = rendered(people, width: 40)
        expectRendered(
            text,
            """
             id | name        | hours | note
            ----+-------------+-------+-------------
             c1 | Li Wei      |   390 | leads the …
             c3 | Zhang Min … |   7.5 | 组长 🎉 of…
            (2 rows)
            """)
        #expect(widest(text) <= 40)
    }

    @Test func cutsByDisplayWidthAndNeverInsideACluster() {
        #expect(TableFit.cut("Li Wei", to: 6) == "Li Wei")
        #expect(TableFit.cut("Li Wei", to: 5) == "Li W…")
        // 张 is 2 columns: 张敏张 would be 6, so only 张敏 and the ellipsis fit in 6.
        #expect(TableFit.cut("张敏张敏", to: 6) == "张敏…")
        #expect(TableFit.cut("张敏张敏", to: 7) == "张敏张…")
        // e + combining acute is one cluster of width 1; a family emoji one of width 2.
        #expect(TableFit.cut("ne\u{301}e\u{301}e\u{301}", to: 3) == "ne\u{301}…")
        #expect(TableFit.cut("a👨‍👩‍👧b", to: 3) == "a…")
        #expect(TableFit.cut("a👨‍👩‍👧bc", to: 4) == "a👨‍👩‍👧…")
        for width in 1...12 {
            #expect(DisplayWidth.of(TableFit.cut("Zhang Min – 张敏", to: width)) <= width)
        }
    }

    @Test func widthsAreCutAsLittleAsPossible() {
        // 2 + 40 + 5 + 3*3 - 1 = 55 columns; into 30 the text column gives up 25.
        #expect(TableFit.widths([2, 40, 5], numeric: [2], into: 30) == [2, 15, 5])
        #expect(TableFit.widths([2, 40, 5], numeric: [2], into: 55) == [2, 40, 5])
        // Two wide text columns end level; the spare column goes to the first.
        #expect(TableFit.widths([30, 30, 4], numeric: [], into: 40) == [14, 14, 4])
        // A narrow column is never cut while wider ones can give.
        #expect(TableFit.widths([3, 50, 20], numeric: [], into: 40) == [3, 15, 14])
        // Numbers too wide for the room: no width fits.
        #expect(TableFit.widths([30, 30], numeric: [0, 1], into: 40) == nil)
    }

    @Test func tooManyColumnsShowRecords() {
        let text = rendered(Fixtures.cadres, width: 40)
        #expect(widest(text) <= 40)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Cadres")
        // The label is wider than the names: no `+` (6 + 3 + 16, the widest value, = 25).
        #expect(lines[1] == "-[ RECORD 1 ]------------")
        #expect(lines[2] == "id     | c1")
        #expect(lines[3] == "name   | Li Wei")
        #expect(lines[4] == "hours  | 390")
        #expect(lines.contains("name   | Zhang Min – 张敏"))
        #expect(lines.contains("-[ RECORD 3 ]------------"))
        #expect(lines.contains("note   | 组长 🎉"))
        #expect(lines.contains("note   |"))  // absent: no trailing blank
        #expect(Array(lines.suffix(3)) == ["(3 rows)", "2 of 3 compliant", ""])
        // One line per field and a header per record.
        #expect(lines.filter { $0.contains(" | ") || $0.hasSuffix(" |") }.count == 30)
    }

    @Test func theRecordLineHasAPlusAboveTheBarsWhenTheNamesAreLong() {
        #expect(VerticalView.recordLine(2, nameWidth: 16, valueWidth: 4) == "-[ RECORD 2 ]----+-----")
        #expect(VerticalView.recordLine(2, nameWidth: 12, valueWidth: 4) == "-[ RECORD 2 ]+-----")
    }

    @Test func recordValuesAreCutToTheWidth() {
        let wide = ResultTable(
            columns: (1...12).map { "column\($0)" },
            rows: [(1...12).map { .text(String(repeating: "x", count: $0 * 10)) }])
        let text = rendered(wide, width: 30)
        #expect(widest(text) <= 30)
        #expect(text.contains("column12 | " + String(repeating: "x", count: 18) + "…\n"))
        #expect(text.contains("column1  | xxxxxxxxxx\n"))
    }

    @Test func colourCodesDoNotCountInTheFit() {
        let text = rendered(people, width: 40, colorize: true)
        let plain = text.replacingOccurrences(of: ANSI.bold, with: "").replacingOccurrences(of: ANSI.reset, with: "")
        #expect(plain == rendered(people, width: 40))
    }
}
