import CTSDomain
@testable import CTSOutput
import Testing

/// The xlsx format's parts (issue 12): cells typed as a spreadsheet reads them, text exactly
/// as csv writes it. LibreOffice reading whole files is in CTSShellTests (XLSXExportTests).
@Suite struct XLSXWorkbookTests {
    /// The sheet of a workbook of `columns` and `tables`, as the zip file would hold it.
    func sheet(_ columns: [String], _ tables: [ResultTable], name: String = "x") throws -> String {
        var book = XLSXWorkbook(sheetName: name, columns: columns)
        var bytes: [UInt8] = []
        book.begin { bytes += $0 }
        for table in tables { try book.append(table, OutputSpec(.xlsx)) { bytes += $0 } }
        book.end { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func columnsAreLetteredAsSpreadsheetsDo() {
        #expect((0..<3).map(XLSXWorkbook.columnName) == ["A", "B", "C"])
        #expect(XLSXWorkbook.columnName(25) == "Z")
        #expect(XLSXWorkbook.columnName(26) == "AA")
        #expect(XLSXWorkbook.columnName(701) == "ZZ")
        #expect(XLSXWorkbook.columnName(702) == "AAA")
    }

    @Test func cellsAreNumbersDatesTextOrEmpty() throws {
        let columns = ["id", "hours", "date", "done", "note"]
        let day = try #require(Day(year: 2009, month: 4, day: 24))
        let xml = try sheet(
            columns,
            [
                ResultTable(
                    columns: columns,
                    rows: [[.text("c1"), .number(Number(thousandths: 7500)), .date(day), .bool(true), .null]])
            ])
        #expect(xml.contains("<c r=\"A1\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">id</t></is></c>"))
        #expect(xml.contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">c1</t></is></c>"))
        #expect(xml.contains("<c r=\"B2\"><v>7.5</v></c>"))
        // 2009-04-24 is day 39927 of the spreadsheets' calendar.
        #expect(xml.contains("<c r=\"C2\" s=\"1\"><v>39927</v></c>"))
        #expect(xml.contains("<c r=\"D2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">yes</t></is></c>"))
        #expect(!xml.contains("r=\"E2\""))
        #expect(xml.hasSuffix("</row></sheetData></worksheet>"))
    }

    @Test func aDateBeforeMarch1900IsText() throws {
        let old = ResultTable(columns: ["date"], rows: [[.date(Day(year: 1899, month: 1, day: 2)!)]])
        #expect(try sheet(["date"], [old]).contains("<t xml:space=\"preserve\">1899-01-02</t>"))
    }

    @Test func textIsEscapedSoItReadsBackExactly() {
        #expect(XLSXWorkbook.escaped("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;")
        #expect(XLSXWorkbook.escaped("张敏\tline\n") == "张敏\tline\n")
        #expect(XLSXWorkbook.escaped("bell\u{07}") == "bell_x0007_")
        #expect(XLSXWorkbook.escaped("_x0041_ and _x") == "_x005F_x0041_ and _x")
    }

    @Test func theSheetNameIsOneExcelTakes() {
        #expect(XLSXWorkbook(sheetName: "a/b:c", columns: []).sheetName == "abc")
        #expect(XLSXWorkbook(sheetName: String(repeating: "x", count: 40), columns: []).sheetName.count == 31)
        #expect(XLSXWorkbook(sheetName: "[]", columns: []).sheetName == "Sheet1")
    }

    @Test func aSheetHoldsAtMostExcelsRows() {
        var book = XLSXWorkbook(sheetName: "x", columns: ["n"])
        book.begin { _ in }
        let many = ResultTable(
            columns: ["n"], rows: Array(repeating: [.number(Number(1))], count: XLSXWorkbook.maxRows))
        var emitted = 0
        #expect(throws: XLSXWorkbook.TooManyRows(rows: XLSXWorkbook.maxRows + 1)) {
            try book.append(many, OutputSpec(.xlsx)) { emitted += $0.count }
        }
        #expect(book.rowCount == 1)
        #expect(emitted == 0)
    }

    @Test func thePackageHasThePartsExcelNeeds() {
        let paths = XLSXWorkbook(sheetName: "x", columns: []).otherParts().map(\.path) + [XLSXWorkbook.sheetPath]
        #expect(
            paths == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
            ])
    }
}
