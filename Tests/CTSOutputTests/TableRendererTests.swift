import Foundation
import CTSDomain
import CTSOutput
import Testing

@Suite struct TableRendererTests {
    @Test func rendersEveryKindOfValueAlignedByDisplayWidth() {
        expectRendered(
            Renderer.render(Fixtures.cadres, as: .table),
            """
            Cadres
             id | name             | hours |      budget | born       | rank   | active | unit   | term       | note
            ----+------------------+-------+-------------+------------+--------+--------+--------+------------+---------
             c1 | Li Wei           |   390 | 32000000000 | 1970-05-01 | county | yes    | js.org | 2008..2012 |
             c3 | Zhang Min – 张敏 |   7.5 |             | 1981-11-23 | bureau | no     | js.nj  | 2009       | 组长 🎉
             c4 | Peña Núñez       |  0.25 |         -12 |            | staff  |        |        |            | ñ
            (3 rows)
            2 of 3 compliant
            """)
    }

    @Test func matchesTheBriefExample() {
        let table = ResultTable(
            columns: ["id", "name", "rank"],
            rows: [
                [.text("c3"), .text("Zhang Min – 张敏"), .enumeration(Rank.bureau.enumValue)],
                [.text("c1"), .text("Li Wei"), .enumeration(Rank.county.enumValue)],
            ])
        expectRendered(
            Renderer.render(table, as: .table),
            """
             id | name             | rank
            ----+------------------+--------
             c3 | Zhang Min – 张敏 | bureau
             c1 | Li Wei           | county
            (2 rows)
            """)
    }

    /// Independent of the snapshot: every `|` and `+` falls in the same display column.
    @Test func separatorsLineUpInDisplayColumns() {
        let lines = Renderer.render(Fixtures.cadres, as: .table).split(separator: "\n").map(String.init)
        let expected = Fixtures.barColumns(lines[2])  // the dashed separator
        #expect(expected.count == 9)
        for line in lines[1...5] where line != lines[2] {
            #expect(Fixtures.barColumns(line) == expected, "\(line)")
        }
    }

    @Test func footersCountRows() {
        let none = ResultTable(columns: ["count"])
        expectRendered(
            Renderer.render(none, as: .table),
            """
             count
            -------
            (0 rows)
            """)
        let one = ResultTable(columns: ["count"], rows: [[.number(1)]])
        expectRendered(
            Renderer.render(one, as: .table),
            """
             count
            -------
                 1
            (1 row)
            """)
    }

    @Test func escapesControlCharacters() {
        let table = ResultTable(
            title: "bad\u{1B}]0;title\u{07}",
            columns: ["na\u{9B}me", "x"],
            rows: [[.text("evil\u{1B}[31mred"), .text("a\tb\r\nc\u{7F}")]],
            notes: ["note\u{1B}[2J"]
        )
        let out = Renderer.render(table, as: .table)
        let raw = out.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(raw.isEmpty)
        expectRendered(
            out,
            #"""
            bad\u{1B}]0;title\u{07}
             na\u{9B}me        | x
            -------------------+-----------------
             evil\u{1B}[31mred | a\tb\r\nc\u{7F}
            (1 row)
            note\u{1B}[2J
            """#)
    }

    @Test func colorizeMakesHeaderNamesBoldWithoutChangingWidths() {
        let table = ResultTable(columns: ["id", "hours"], rows: [[.text("张敏"), .number(7.5)]])
        let plain = Renderer.render(table, as: .table)
        #expect(!plain.contains("\u{1B}"))
        expectRendered(
            plain,
            """
             id   | hours
            ------+-------
             张敏 |   7.5
            (1 row)
            """)
        let bold = Renderer.render(table, as: .table, colorize: true)
        expectRendered(
            bold,
            """
             \u{1B}[1mid\u{1B}[0m   | \u{1B}[1mhours\u{1B}[0m
            ------+-------
             张敏 |   7.5
            (1 row)
            """)
    }

    @Test func colorizeFalseWritesNoEscapeByteInAnyFormat() {
        for format in OutputFormat.allCases where format.isText {
            let out = Renderer.render(Fixtures.cadres, as: format)
            #expect(!out.utf8.contains(0x1B), "\(format)")
            #expect(out.hasSuffix("\n"), "\(format)")
        }
    }

    /// Issue 7, item 25: averages and quotients read as a person reads them, in tables only.
    @Test func roundsLongDecimalsInTablesOnly() {
        let table = ResultTable(
            columns: ["v"],
            rows: [
                [.number(33640.0 / 17)], [.number(13.125)], [.number(-1e-7)],
                [.number(2.0 / 3)], [.number(9.9999)], [.number(-2.0 / 3)],
                [.number(1e20)], [.number(390)],
            ])
        let shown = Renderer.render(table, as: .table).split(separator: "\n").dropFirst(2).prefix(8)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(shown == ["1978.82", "13.125", "0", "0.67", "10", "-0.67", Value.number(1e20).description, "390"])
        #expect(Renderer.render(table, as: .csv).contains("1978.8235294117646\n13.125\n"))
        #expect(Renderer.render(table, as: .json).contains("1978.8235294117646"))
        #expect(Renderer.render(table, as: .markdown).contains("1978.8235294117646"))
    }
}
