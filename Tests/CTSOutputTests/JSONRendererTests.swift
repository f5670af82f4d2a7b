import CTSDomain
import CTSOutput
import Testing

@Suite struct JSONRendererTests {
    @Test func objectsKeepColumnOrderAndValueTypes() {
        expectRendered(
            Renderer.render(Fixtures.cadres, as: .json),
            """
            [
              {
                "id": "c1",
                "name": "Li Wei",
                "hours": 390,
                "budget": 32000000000,
                "born": "1970-05-01",
                "rank": "county",
                "active": true,
                "unit": "js.org",
                "term": "2008..2012",
                "note": null
              },
              {
                "id": "c3",
                "name": "Zhang Min – 张敏",
                "hours": 7.5,
                "budget": null,
                "born": "1981-11-23",
                "rank": "bureau",
                "active": false,
                "unit": "js.nj",
                "term": "2009",
                "note": "组长 🎉"
              },
              {
                "id": "c4",
                "name": "Peña Núñez",
                "hours": 0.25,
                "budget": -12,
                "born": null,
                "rank": "staff",
                "active": null,
                "unit": null,
                "term": null,
                "note": "ñ"
              }
            ]
            """)
    }

    @Test func emptyResultIsAnEmptyArray() {
        #expect(Renderer.render(ResultTable(columns: ["id"]), as: .json) == "[]\n")
    }

    @Test func stringsAreEscaped() {
        let text =
            "quote \" backslash \\ newline \n tab \t cr \r esc \u{1B}[31m bell \u{07} del \u{7F} c1 \u{85} ls \u{2028} ñ 张 🎉"
        let table = ResultTable(columns: ["key \"q\"\n"], rows: [[.text(text)]])
        expectRendered(
            Renderer.render(table, as: .json),
            #"""
            [
              {
                "key \"q\"\n": "quote \" backslash \\ newline \n tab \t cr \r esc \u001b[31m bell \u0007 del \u007f c1 \u0085 ls \u2028 ñ 张 🎉"
              }
            ]
            """#)
    }

    @Test func numbersUseTheShortestFormAndNonFiniteIsNull() {
        let table = ResultTable(
            columns: ["n"],
            rows: [
                [.number(0.1)], [.number(-0.5)], [.number(1e-7)], [.number(Number(Double.nan))],
                [.number(Number(-Double.infinity))],
                [.list([.number(1), .text("a"), .null, .bool(true)])],
            ])
        expectRendered(
            Renderer.render(table, as: .json),
            """
            [
              {
                "n": 0.1
              },
              {
                "n": -0.5
              },
              {
                "n": 1e-07
              },
              {
                "n": null
              },
              {
                "n": null
              },
              {
                "n": [1, "a", null, true]
              }
            ]
            """)
    }
}

/// A result written in pieces (an export, a few thousand records at a time) is the same
/// document as the whole result written at once, in every format a program reads.
@Suite struct PiecesTests {
    static func pieces(of table: ResultTable, size: Int) -> [ResultTable] {
        stride(from: 0, to: max(table.rows.count, 1), by: size).map { start in
            ResultTable(columns: table.columns, rows: Array(table.rows[start..<min(start + size, table.rows.count)]))
        }
    }

    @Test(arguments: [OutputFormat.json, .csv, .tsv, .ndjson])
    func piecesJoinIntoTheWholeResult(format: OutputFormat) {
        let whole = Renderer.render(Fixtures.cadres, as: format)
        for size in [1, 2, 100] {
            var text = ""
            Renderer.write(pieces: Self.pieces(of: Fixtures.cadres, size: size), OutputSpec(format), to: &text)
            #expect(text == whole, "\(format) in pieces of \(size)")
        }
    }

    @Test func noRowsIsAnEmptyArrayOrAHeader() {
        let empty = ResultTable(columns: ["id", "name"])
        var json = "", csv = ""
        Renderer.write(pieces: [empty], OutputSpec(.json), to: &json)
        Renderer.write(pieces: [empty], OutputSpec(.csv), to: &csv)
        #expect(json == "[]\n")
        #expect(csv == "id,name\n")
    }
}
