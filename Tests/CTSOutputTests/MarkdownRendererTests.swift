import CTSDomain
import CTSOutput
import Testing

@Suite struct MarkdownRendererTests {
    @Test func pipeTableWithTitleNotesAndRightAlignedNumbers() {
        expectRendered(
            Renderer.render(Fixtures.cadres, as: .markdown),
            """
            **Cadres**

            | id  | name             | hours |      budget | born       | rank   | active | unit   | term       | note    |
            | --- | ---------------- | ----: | ----------: | ---------- | ------ | ------ | ------ | ---------- | ------- |
            | c1  | Li Wei           |   390 | 32000000000 | 1970-05-01 | county | yes    | js.org | 2008..2012 |         |
            | c3  | Zhang Min – 张敏 |   7.5 |             | 1981-11-23 | bureau | no     | js.nj  | 2009       | 组长 🎉 |
            | c4  | Peña Núñez       |  0.25 |         -12 |            | staff  |        |        |            | ñ       |

            2 of 3 compliant
            """)
    }

    @Test func escapesPipesAndControlCharacters() {
        let table = ResultTable(columns: ["a|b"], rows: [[.text("x | y")], [.text("evil\u{1B}[31m\nnext")]])
        let out = Renderer.render(table, as: .markdown)
        #expect(!out.contains("\u{1B}"))
        expectRendered(
            out,
            #"""
            | a\|b                 |
            | -------------------- |
            | x \| y               |
            | evil\u{1B}[31m\nnext |
            """#)
    }

    @Test func noTitleNoRows() {
        expectRendered(
            Renderer.render(ResultTable(columns: ["unit", "count"]), as: .markdown),
            """
            | unit | count |
            | ---- | ----- |
            """)
    }
}
