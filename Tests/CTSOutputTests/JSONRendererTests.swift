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
