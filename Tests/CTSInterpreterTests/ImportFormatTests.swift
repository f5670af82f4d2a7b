import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// Imports `bytes` with `options` into the harness's session; the error, if any.
func importBytes(
    _ h: Harness, _ kind: EntityKind, _ bytes: [UInt8], _ options: ImportOptions, chunkSize: Int = 1 << 16
) -> CSVImportError? {
    do {
        _ = try CSVImporter.run(kind, into: h.interpreter, options: options, chunks: chunked(bytes, chunkSize))
        return nil
    } catch let e as CSVImportError {
        return e
    } catch {
        Issue.record("unexpected \(error)")
        return nil
    }
}

/// Imports bytes that must fail; checks the session did not change; the error.
func importBytesError(
    _ h: Harness, _ kind: EntityKind, _ bytes: [UInt8], _ options: ImportOptions,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> CSVImportError? {
    let before = h.snapshot()
    let e = importBytes(h, kind, bytes, options)
    if e == nil { Issue.record("expected an import error", sourceLocation: sourceLocation) }
    #expect(h.snapshot() == before, "the failed import left changes", sourceLocation: sourceLocation)
    return e
}

/// CSV as it arrives from Excel and other offices (encodings, delimiters, extra columns, empty
/// rows) and JSON arrays of objects (issue 12).
@Suite struct ImportFormatTests {
    static let header = "id,name,unit,rank,category\n"
    /// 李伟 and 王芳 in GB18030 (`printf 李伟,王芳 | iconv -f utf-8 -t gb18030`).
    static let liWei: [UInt8] = [0xC0, 0xEE, 0xCE, 0xB0]
    static let wangFang: [UInt8] = [0xCD, 0xF5, 0xB7, 0xBC]

    func names(_ h: Harness) -> [[Value]] {
        h.rows("list cadres where id in (c10, c11) columns id, name")
    }

    @Test(arguments: [1, 2, 3, 5, 1 << 16])
    func readsGB18030WhateverTheChunks(_ chunkSize: Int) {
        let h = importHarness()
        let bytes =
            Array(Self.header.utf8) + Array("c10,".utf8) + Self.liWei + Array(",js,staff,leading\r\nc11,".utf8)
            + Self.wangFang + Array(",js.org,county,leading\r\n".utf8)
        #expect(importBytes(h, .cadre, bytes, ImportOptions(encoding: .gb18030), chunkSize: chunkSize) == nil)
        #expect(names(h) == [[.text("c10"), .text("李伟")], [.text("c11"), .text("王芳")]])
    }

    @Test func aByteThatIsNoGB18030TextIsAnErrorAtItsLineAndImportsNothing() {
        let h = importHarness()
        let bytes =
            Array(Self.header.utf8) + Array("c10,".utf8) + Self.liWei + Array(",js,staff,leading\nc11,A".utf8)
            + [0xFF, 0x20] + Array(",js,staff,leading\n".utf8)
        let e = importBytesError(h, .cadre, bytes, ImportOptions(encoding: .gb18030))
        #expect(e?.is(.notInEncoding("GB18030", bytes: [0xFF, 0x20, 0x2C, 0x6A]), at: 3, 6) == true)
        #expect(e?.lineText == "c11,A")
        #expect(e?.message.hasPrefix("the bytes 0xFF 0x20 0x2C 0x6A here are not GB18030 text;") == true)
        // A file cut in the middle of a character.
        let cut = Array(Self.header.utf8) + Array("c10,".utf8) + [0xC0]
        #expect(
            importBytesError(h, .cadre, cut, ImportOptions(encoding: .gb18030))?.is(
                .endsInsideCharacter("GB18030"), at: 2, 5) == true)
        // GB18030 read as UTF-8 says which option to give.
        let gb = Array(Self.header.utf8) + Array("c10,".utf8) + Self.liWei + Array(",js,staff,leading\n".utf8)
        #expect(importBytesError(h, .cadre, gb, ImportOptions())?.message.contains("encoding=gb18030") == true)
    }

    @Test(arguments: [1, 3, 1 << 16])
    func readsUTF16ByItsByteOrderMark(_ chunkSize: Int) {
        let text = Self.header + "c10,李伟,js,staff,leading\nc11,王芳,js.org,county,leading\n"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, options) in [
            ([0xFF, 0xFE] + little, ImportOptions()),  // the mark alone says UTF-16
            ([0xFE, 0xFF] + big, ImportOptions(encoding: .gb18030)),  // and decides over encoding=
            (little, ImportOptions(encoding: .utf16)),  // without a mark: little-endian
        ] {
            let h = importHarness()
            #expect(importBytes(h, .cadre, bytes, options, chunkSize: chunkSize) == nil)
            #expect(names(h) == [[.text("c10"), .text("李伟")], [.text("c11"), .text("王芳")]])
        }
        // A UTF-8 mark is skipped, whatever encoding= says.
        let h = importHarness()
        let marked = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(importBytes(h, .cadre, marked, ImportOptions(encoding: .gb18030), chunkSize: chunkSize) == nil)
        #expect(names(h).count == 2)
    }

    @Test func aLoneSurrogateIsNoUTF16Text() {
        let h = importHarness()
        let text = Self.header + "c10,A"
        var bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        bytes += [0x00, 0xDC, 0x2C, 0x00]  // U+DC00 alone, then a comma
        let e = importBytesError(h, .cadre, bytes, ImportOptions())
        #expect(e?.is(.notInEncoding("UTF-16", bytes: [0x00, 0xDC, 0x2C, 0x00]), at: 2, 6) == true)
        #expect(e?.lineText == "c10,A")
    }

    @Test func readsSemicolonsAndTabs() {
        for (delimiter, separator) in [(UInt8(0x3B), ";"), (0x09, "\t"), (0x7C, "|")] {
            let h = importHarness()
            let text =
                ["id", "name", "unit", "rank", "category"].joined(separator: separator) + "\n"
                + ["c10", "\"Chen, Jie; Jr\"", "js", "staff", "leading"].joined(separator: separator) + "\n"
                + ["c11", "Wang", "js", "staff", "leading"].joined(separator: separator) + "\n"
            #expect(importBytes(h, .cadre, Array(text.utf8), ImportOptions(delimiter: delimiter)) == nil)
            #expect(names(h) == [[.text("c10"), .text("Chen, Jie; Jr")], [.text("c11"), .text("Wang")]])
        }
        // Commas in a semicolon file are text; the columns are counted by semicolons.
        let h = importHarness()
        let e = importBytesError(
            h, .cadre, Array("id;name;unit;rank;category\nc10;A;js;staff\n".utf8), ImportOptions(delimiter: 0x3B))
        #expect(e?.is(.fieldCount(4, columns: 5), at: 2, 15) == true)
    }

    @Test func delimiterWords() {
        #expect(ImportOptions.delimiter("tab") == 0x09)
        #expect(ImportOptions.delimiter("SEMICOLON") == 0x3B)
        #expect(ImportOptions.delimiter(";") == 0x3B)
        #expect(ImportOptions.delimiter("|") == 0x7C)
        for refused in ["\"", "a", "7", ";;", "\n", "", "；"] { #expect(ImportOptions.delimiter(refused) == nil) }
    }

    /// What Excel saves: empty rows of commas, extra columns, trailing empty cells.
    @Test func excelRowsAndExtraColumns() {
        let text =
            "id,name,unit,rank,category,salary,phone,\n"
            + "c10,Chen,js,staff,leading,100,123,\n"
            + ",,,,,,,\n"
            + ",,,,,,,,,\n"
            + "c11,Wang,js,county,leading,,,,\n"
        let h = importHarness()
        let e = importBytesError(h, .cadre, Array(text.utf8), ImportOptions())
        #expect(e?.is(.noSuchColumns(.cadre, ["salary", "phone"]), at: 1, 28) == true)
        #expect(
            e?.message
                == "cadres have no fields 'salary', 'phone'; leave them out with extra=ignore, "
                + "or use fields of cadres: id, name, unit, rank, category, born, status")
        #expect(importBytes(h, .cadre, Array(text.utf8), ImportOptions(ignoresExtraColumns: true)) == nil)
        #expect(names(h) == [[.text("c10"), .text("Chen")], [.text("c11"), .text("Wang")]])
        // Empty rows are skipped without extra=ignore too; a header of one unknown column keeps
        // its suggestion.
        let g = importHarness()
        #expect(
            importBytes(g, .cadre, Array((Self.header + ",,,,\nc10,A,js,staff,leading\n,,,,\n").utf8), .init()) == nil)
        #expect(g.ids("list cadres").count == 4)
        #expect(
            importBytesError(g, .cadre, Array("id,nmae,unit,rank,category\n".utf8), .init())?.is(
                .noSuchColumn(.cadre, "nmae", suggestion: "name"), at: 1, 4) == true)
    }

    @Test func theOptionsAsTheCommandGivesThem() {
        let h = importHarness()
        func options(_ line: String) -> ImportOptions? {
            for case .importRecords(_, _, let options, _) in h.run(line) { return options }
            return nil
        }
        #expect(options("import cadres from \"c.csv\"") == ImportOptions())
        #expect(
            options("import cadres from \"c.csv\" encoding=GB18030 delimiter=\";\" extra=ignore")
                == ImportOptions(encoding: .gb18030, delimiter: 0x3B, ignoresExtraColumns: true))
        #expect(
            options("import cadres from \"c.tsv\" encoding=utf-16") == ImportOptions(encoding: .utf16, delimiter: 9))
        #expect(options("import cadres from \"c.TXT\" delimiter=tab") == ImportOptions(delimiter: 9))
        #expect(options("import cadres from \"c.json\"") == ImportOptions(format: .json))
        #expect(options("import cadres from \"-\" as json") == ImportOptions(format: .json))
        #expect(options("import cadres from \"c.json\" as csv") == ImportOptions())
        #expect(
            h.failure("import cadres from \"c.csv\" encoding=latin1")?.message
                == "encoding= takes utf-8, gb18030 or utf-16, not 'latin1'")
        #expect(
            h.failure("import cadres from \"c.csv\" delimiter=x")?.message
                == "delimiter= takes \";\", \"|\", comma, semicolon, tab or pipe, not 'x'")
        #expect(
            h.failure("import cadres from \"c.csv\" extra=keep")?.message
                == "extra= takes error or ignore, not 'keep'")
        #expect(h.failure("import cadres from \"c.csv\" as xml")?.message == "import reads csv or json, not 'xml'")
        #expect(
            h.failure("import cadres from \"c.json\" delimiter=tab")?.message
                == "delimiter= is for CSV files; a JSON file has none")
        #expect(h.failure("import cadres from \"c.csv\" encodin=utf-8")?.message.hasPrefix("unknown option") == true)
    }

    // MARK: JSON

    static let json = ImportOptions(format: .json)

    @Test(arguments: [1, 4, 1 << 16])
    func importsAJSONArrayOfObjects(_ chunkSize: Int) {
        let h = importHarness()
        let text = """
            [
              {"id": "c10", "name": "Li \\"Wei\\" \\u674e\\ud83d\\ude00", "unit": "js", "rank": "staff",
               "category": "leading", "born": 1970, "status": null},
              {"ID": "c11", "Name": "王芳", "unit": "js.org", "rank": "county", "category": "leading"}
            ]
            """
        #expect(importBytes(h, .cadre, Array(text.utf8), Self.json, chunkSize: chunkSize) == nil)
        #expect(names(h) == [[.text("c10"), .text("Li \"Wei\" 李😀")], [.text("c11"), .text("王芳")]])
        #expect(h.rows("list cadres where id = c10 columns born") == [[.number(1970)]])
        #expect(importBytes(importHarness(), .cadre, Array(" [ ] ".utf8), Self.json) == nil)
    }

    @Test func jsonErrorsAreAtTheirKeyOrValueAndImportNothing() {
        let h = importHarness()
        let text = """
            [{"id": "c10", "name": "A", "unit": "js", "rank": "staff", "category": "leading", "born": "19x0"},
             {"id": "c11", "name": "B", "unit": {"id": "js"}, "rank": "staff", "category": "leading"},
             {"id": "c12", "name": "C", "unit": "js", "rank": "staff", "category": "leading", "tags": []},
             {"id": "c13", "name": "D", "rank": "staff", "category": "leading"},
             {"id": "c14", "name": "E", "unit": null, "rank": "staff", "category": "leading"},
             {"id": "c15", "name": "F", "unit": "js", "rank": "staff", "category": "leading"}]
            """
        guard let e = importBytesError(h, .cadre, Array(text.utf8), Self.json) else { return }
        #expect(e.is(.wrongType(field: "born", expected: "a number", found: .text("19x0")), at: 1, 91))
        #expect(e.more.count == 4)
        #expect(e.more[0].is(.jsonNested(key: "unit", array: false), at: 2, 37))
        #expect(e.more[0].lineText?.hasPrefix(#" {"id": "c11""#) == true)
        #expect(e.more[1].is(.noSuchColumn(.cadre, "tags", suggestion: nil), at: 3, 83))
        #expect(e.more[2].is(.missingKey("unit", .cadre), at: 4, 2))
        #expect(e.more[3].is(.emptyValue("unit", .cadre), at: 5, 37))
        #expect(
            e.diagnostics(fileName: "c.json", files: SourceFiles()).map(\.notes) == [
                ["in object 1 of the array"], ["in object 2 of the array"], ["in object 3 of the array"],
                ["in object 4 of the array"], ["in object 5 of the array", "5 bad objects; nothing was imported"],
            ])
        // extra=ignore leaves unknown keys out, but a nested value is still refused.
        let g = importHarness()
        let extra = #"[{"id": "c10", "name": "A", "unit": "js", "rank": "staff", "category": "leading", "x": 1}]"#
        #expect(
            importBytes(g, .cadre, Array(extra.utf8), ImportOptions(format: .json, ignoresExtraColumns: true)) == nil)
        #expect(g.ids("list cadres").count == 4)
    }

    @Test func textThatIsNotJSONIsAnErrorAtItsPosition() {
        let cases: [(String, CSVProblem, Int, Int)] = [
            (#"{"id": "c1"}"#, .jsonNotAnArray, 1, 1),
            (#"["c1"]"#, .jsonNotAnObject(1, found: "a string"), 1, 2),
            ("[{\"id\": tru}]", .jsonExpected("a value"), 1, 9),
            ("[{\"id\": \"c1\"} {}]", .jsonExpected("',' or ']' after an object"), 1, 15),
            ("[{\"id\": \"c1\"", .jsonUnexpectedEnd(expected: "',' or '}' after a value"), 1, 13),
            ("[{\"id\": \"c1}]", .jsonUnclosedString, 1, 9),
            ("[{\"id\": \"\\x\"}]", .jsonBadEscape, 1, 10),
            ("[]\n[]", .jsonTextAfterArray, 2, 1),
            ("[{\"a\": " + String(repeating: "[", count: 70) + "]}]", .jsonTooDeep(64), 1, 72),
        ]
        for (text, problem, line, column) in cases {
            // The syntax error ends the reading: it is the last reported (after a bad object).
            let e = importBytesError(importHarness(), .cadre, Array(text.utf8), Self.json)
            let last = e.map { ([$0] + $0.more).last! }
            #expect(last?.is(problem, at: line, column) == true, "\(text): \(String(describing: last))")
        }
    }

    @Test func jsonNumbers() {
        for good in ["0", "-1", "12.5", "1e3", "-0.5E-2"] { #expect(JSONRecordReader.isNumber(good)) }
        for bad in ["01", "1.", ".5", "+1", "1e", "--1", "0x10", ""] { #expect(!JSONRecordReader.isNumber(bad)) }
    }
}
