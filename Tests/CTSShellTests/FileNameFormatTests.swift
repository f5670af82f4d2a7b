import CTSDomain
import Foundation
import Testing

/// Formats from file names, and `-` for standard input and output (issue 12): `> F.json`
/// writes JSON unless `as` says otherwise, `export … to "F.json"` too; `cts -` runs the script
/// on standard input; `dump "-"` and `export … to "-"` write to standard output.
@Suite struct FileNameFormatTests {
    static let units = """
        unit add js "Jiangsu" kind=locality level=province
        unit add nj "Nanjing" kind=locality level=city parent=js

        """

    @Test func aFileNameEndingNamesItsFormat() {
        #expect(OutputFormat(fileName: "cadres.json") == .json)
        #expect(OutputFormat(fileName: "out/Cadres.CSV") == .csv)
        #expect(OutputFormat(fileName: "a.b/cadres.md") == .markdown)
        #expect(OutputFormat(fileName: "x.jsonl") == .ndjson)
        #expect(OutputFormat(fileName: "page.htm") == .html)
        #expect(OutputFormat(fileName: "notes.txt") == .table)
        #expect(OutputFormat(fileName: "cadres") == nil)
        #expect(OutputFormat(fileName: ".json") == nil)
        #expect(OutputFormat(fileName: "dir.json/cadres") == nil)
        #expect(OutputFormat(fileName: "cadres.xls") == nil)
    }

    @Test func aRedirectWritesTheFormatItsFileNameSays() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        let r = try dir.cts(
            "-c", "include \"units.cts\"", "-c", "list units > \"u.json\"", "-c", "count units > \"c.md\"",
            "-c", "list units as csv > \"forced.json\"", "-c", "list units > \"plain\"")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        let json = try JSONSerialization.jsonObject(with: try dir.bytes("u.json")) as? [[String: Any]]
        #expect(json?.map { $0["id"] as? String } == ["js", "nj"])
        #expect(try dir.text("c.md") == "| count |\n| ----: |\n|     2 |\n")
        #expect(try dir.text("forced.json").hasPrefix("id,name,kind,level,parent\n"))
        // No ending it knows: the session's format, as before.
        #expect(try dir.text("plain").hasPrefix(" id | name"))
    }

    /// A query ends with its output clause (spec §3): `> "FILE"` at the end of the command
    /// is the file, after `by`, `sort` or `columns` too, not a comparison with text.
    @Test func aFileNameEndsAnyQuery() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        let r = try dir.cts(
            "units.cts", "-c", "count units by level > \"by.csv\"", "-c", "list units sort name > \"sorted.csv\"",
            "-c", "list units columns id, level > \"cols.csv\"", "-c", "count units where (name > \"M\") as csv",
            "-c", "count units where \"M\" < name as csv")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(try dir.text("by.csv") == "level,count\nprovince,1\ncity,1\n")
        #expect(try dir.text("sorted.csv").hasPrefix("id,name,kind,level,parent\njs,Jiangsu,"))
        #expect(try dir.text("cols.csv") == "id,level\njs,province\nnj,city\n")
        // In parentheses, or with the text first, it is the comparison it was.
        #expect(r.out == "count\n1\ncount\n1\n")
    }

    @Test func appendingKeepsTheFormatAsked() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        let r = try dir.cts(
            "-c", "include \"units.cts\"", "-c", "list units as csv > \"u.csv\"", "-c", "list units as csv >> \"u.csv\""
        )
        #expect(r.status == 0, "\(r)")
        #expect(try dir.text("u.csv").components(separatedBy: "\n").count == 6)
    }

    @Test func exportChoosesItsFormatFromTheFileName() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        let r = try dir.cts(
            "-c", "include \"units.cts\"", "-c", "export units to \"u.json\"", "-c", "export units to \"u.ndjson\"",
            "-c", "export units to \"u.txt\"", "-c", "export units to \"as.json\" as csv")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(try dir.text("u.json").hasPrefix("[\n"))
        #expect(try dir.text("u.ndjson").split(separator: "\n").count == 2)
        #expect(try dir.text("u.ndjson").hasPrefix("{\"id\":\"js\""))
        // An ending export does not write (txt: a table) gets csv, as every export did.
        #expect(try dir.text("u.txt").hasPrefix("id,name,kind,level,parent\n"))
        #expect(try dir.text("as.json").hasPrefix("id,name,kind,level,parent\n"))
    }

    @Test func aDashIsStandardOutputForDumpAndExport() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        let r = try dir.cts("units.cts", "-c", "export units to \"-\" as ndjson", "-c", "dump \"-\"")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(r.out.hasPrefix("{\"id\":\"js\","), "\(r)")
        #expect(r.out.contains("# cts session dump\n"))
        #expect(r.out.contains("\nunit add nj "))
        #expect(!dir.exists("-"))
        // --safe refuses files, and standard output is none.
        let safe = try dir.cts("--safe", "units.cts", "-c", "export units to \"-\"")
        #expect(safe.status == 0 && safe.out.hasPrefix("id,name,kind,level,parent\n"), "\(safe)")
        // Under --verbose nothing but the data reaches standard output.
        let verbose = try dir.cts("units.cts", "-c", "set verbose on", "-c", "export units to \"-\" as csv")
        #expect(!verbose.out.contains("exported"), "\(verbose)")
    }

    @Test func aDashAsTheScriptIsStandardInput() throws {
        let dir = try SessionScratch()
        try dir.write("in.cts", Self.units + "count units as csv\nnonsense\n")
        let (status, out, err) = try runCTS(["-"], in: dir.url, stdin: dir.url.appendingPathComponent("in.cts"))
        #expect(status == 1)
        #expect(out == "count\n2\n")
        #expect(err.hasPrefix("<stdin>:4:1: error: unknown command 'nonsense'"), "\(err)")
    }
}
