import CTSDomain
import CTSLanguage
import CTSOutput
import Testing

/// ndjson and what `>>` appends (issue 7, item 15).
@Suite struct NDJSONRendererTests {
    @Test func oneCompactObjectPerLine() {
        let table = ResultTable(
            columns: ["id", "hours", "ok", "note"],
            rows: [
                [.text("c1"), .number(7.5), .bool(true), .null],
                [.text("say \"hi\"\n"), .number(390), .bool(false), .text("张")],
            ])
        #expect(
            Renderer.render(table, as: .ndjson) == """
                {"id":"c1","hours":7.5,"ok":true,"note":null}
                {"id":"say \\"hi\\"\\n","hours":390,"ok":false,"note":"张"}

                """)
        #expect(Renderer.render(ResultTable(columns: ["id"], rows: []), as: .ndjson) == "")
    }

    /// The parser, `set format`, help and the docs list `CommandTable.outputFormats`; the
    /// renderer must have exactly those.
    @Test func everyFormatTheLanguageNamesHasARenderer() {
        #expect(OutputFormat.allCases.map(\.rawValue) == CommandTable.outputFormats)
        for name in CommandTable.exportFormats { #expect(OutputFormat(rawValue: name) != nil) }
    }

    static let units = ResultTable(columns: ["id", "name"], rows: [[.text("js"), .text("Jiangsu, 江苏")]])

    @Test func appendingCSVOrTSVUnderTheSameHeaderAddsRowsOnly() {
        #expect(
            Renderer.renderForAppend(Self.units, as: .csv, firstLine: nil) == .success("id,name\njs,\"Jiangsu, 江苏\"\n"))
        #expect(
            Renderer.renderForAppend(Self.units, as: .csv, firstLine: "id,name") == .success("js,\"Jiangsu, 江苏\"\n"))
        #expect(
            Renderer.renderForAppend(Self.units, as: .csv, firstLine: "\u{FEFF}id,name\r")
                == .success("js,\"Jiangsu, 江苏\"\n"))
        #expect(Renderer.renderForAppend(Self.units, as: .tsv, firstLine: "id\tname") == .success("js\tJiangsu, 江苏\n"))
    }

    @Test func appendingUnderAnotherHeaderOrToJSONIsRefused() {
        #expect(
            Renderer.renderForAppend(Self.units, as: .csv, firstLine: "name,id")
                == .failure(.otherColumns(existing: "name,id", new: "id,name")))
        #expect(Renderer.renderForAppend(Self.units, as: .json, firstLine: nil) == .failure(.notAppendable))
        #expect(
            Renderer.renderForAppend(Self.units, as: .ndjson, firstLine: "{}")
                == .success("{\"id\":\"js\",\"name\":\"Jiangsu, 江苏\"}\n"))
    }
}
