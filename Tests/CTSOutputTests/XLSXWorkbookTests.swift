import CTSDomain
@testable import CTSOutput
import Testing

/// The xlsx format's parts (issue 12): cells typed as a spreadsheet reads them, text exactly
/// as csv writes it. LibreOffice reading whole files is in CTSShellTests (XLSXExportTests).
@Suite struct XLSXWorkbookTests {
    func sheet(_ book: XLSXWorkbook) -> String {
        String(decoding: book.parts().first { $0.path == "xl/worksheets/sheet1.xml" }!.bytes, as: UTF8.self)
    }

    @Test func columnsAreLetteredAsSpreadsheetsDo() {
        #expect((0..<3).map(XLSXWorkbook.columnName) == ["A", "B", "C"])
        #expect(XLSXWorkbook.columnName(25) == "Z")
        #expect(XLSXWorkbook.columnName(26) == "AA")
        #expect(XLSXWorkbook.columnName(701) == "ZZ")
        #expect(XLSXWorkbook.columnName(702) == "AAA")
    }

    @Test func cellsAreNumbersDatesTextOrEmpty() throws {
        var book = XLSXWorkbook(sheetName: "cadres", columns: ["id", "hours", "date", "done", "note"])
        let day = try #require(Day(year: 2009, month: 4, day: 24))
        try book.append(
            ResultTable(
                columns: book.columns,
                rows: [[.text("c1"), .number(Number(thousandths: 7500)), .date(day), .bool(true), .null]]),
            OutputSpec(.xlsx))
        let xml = sheet(book)
        #expect(xml.contains("<c r=\"A1\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">id</t></is></c>"))
        #expect(xml.contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">c1</t></is></c>"))
        #expect(xml.contains("<c r=\"B2\"><v>7.5</v></c>"))
        // 2009-04-24 is day 39927 of the spreadsheets' calendar.
        #expect(xml.contains("<c r=\"C2\" s=\"1\"><v>39927</v></c>"))
        #expect(xml.contains("<c r=\"D2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">yes</t></is></c>"))
        #expect(!xml.contains("r=\"E2\""))
        #expect(book.rowCount == 2)
    }

    @Test func aDateBeforeMarch1900IsText() throws {
        var book = XLSXWorkbook(sheetName: "x", columns: ["date"])
        try book.append(
            ResultTable(columns: ["date"], rows: [[.date(Day(year: 1899, month: 1, day: 2)!)]]), OutputSpec(.xlsx))
        #expect(sheet(book).contains("<t xml:space=\"preserve\">1899-01-02</t>"))
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
        let many = ResultTable(
            columns: ["n"], rows: Array(repeating: [.number(Number(1))], count: XLSXWorkbook.maxRows))
        #expect(throws: XLSXWorkbook.TooManyRows(rows: XLSXWorkbook.maxRows + 1)) {
            try book.append(many, OutputSpec(.xlsx))
        }
        #expect(book.rowCount == 1)
    }

    @Test func thePackageHasThePartsExcelNeeds() {
        let paths = XLSXWorkbook(sheetName: "x", columns: []).parts().map(\.path)
        #expect(
            paths == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
            ])
    }
}
