import CTSDomain

/// The `xlsx` format: an Office Open XML workbook (what Excel, LibreOffice and WPS open) of
/// one sheet, made of plain XML parts that the shell zips into the file (`XLSXFile`).
///
/// The sheet has a header row (bold, frozen) naming the columns, then one row per result row.
/// Numbers are number cells; dates are date cells (day serials with a `yyyy-mm-dd` format, so
/// a spreadsheet sorts and computes with them; a date before 1900-03-01, which Excel's day
/// serials cannot show, is text); an absent value is an empty cell; everything else (text,
/// ids, enum words, yes/no) is a text cell holding exactly what csv would write, Chinese and
/// all. A workbook holds at most ``maxRows`` rows, header included, as Excel does.
///
/// The sheet is the one big part: it is handed out a piece at a time (to `emit`), so that a
/// million rows go to a file, not into memory. The other parts are small and fixed.
///
///     var book = XLSXWorkbook(sheetName: "cadres", columns: ["id", "hours"])
///     book.begin(emit)
///     try book.append(ResultTable(columns: ["id", "hours"], rows: [[.text("c1"), .number(7.5)]]), OutputSpec(.xlsx), emit)
///     book.end(emit)
///     for part in book.otherParts() { zip.add(part.path, part.bytes) }   // and the sheet at sheetPath
public struct XLSXWorkbook {
    /// Excel's limit of rows in a sheet.
    public static let maxRows = 1_048_576
    /// Where the sheet goes in the package.
    public static let sheetPath = "xl/worksheets/sheet1.xml"

    public let sheetName: String
    public let columns: [String]
    /// Rows written, the header included.
    public private(set) var rowCount = 0

    /// More rows than a sheet holds.
    public struct TooManyRows: Error, Equatable {
        public let rows: Int
    }

    /// A workbook whose sheet is named `sheetName` (cut to the 31 characters Excel allows,
    /// and without the characters it refuses), with the header row of `columns`.
    public init(sheetName: String, columns: [String]) {
        let allowed = sheetName.filter { !"[]:*?/\\".contains($0) }
        self.sheetName = String((allowed.isEmpty ? "Sheet1" : allowed).prefix(31))
        self.columns = columns
    }

    /// The start of the sheet and its header row.
    public mutating func begin(_ emit: ([UInt8]) -> Void) {
        emit(
            Array(
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
                state="frozen"/></sheetView></sheetViews><sheetData>
                """.utf8))
        emit(row(columns.map { .text($0) }, style: Self.headerStyle, spec: OutputSpec(.xlsx)))
    }

    /// The rows of `table` (a piece of a longer result, or all of it), after those before.
    public mutating func append(_ table: ResultTable, _ spec: OutputSpec, _ emit: ([UInt8]) -> Void)
        throws(TooManyRows)
    {
        guard rowCount + table.rows.count <= Self.maxRows else { throw TooManyRows(rows: rowCount + table.rows.count) }
        var bytes: [UInt8] = []
        for r in table.rows {
            bytes += row(columns.indices.map { Renderer.cell(r, $0) }, style: nil, spec: spec)
        }
        emit(bytes)
    }

    /// The end of the sheet.
    public func end(_ emit: ([UInt8]) -> Void) {
        emit(Array("</sheetData></worksheet>".utf8))
    }

    /// The parts of the package other than the sheet, by their paths inside the zip file.
    public func otherParts() -> [(path: String, bytes: [UInt8])] {
        [
            ("[Content_Types].xml", Array(Self.contentTypes.utf8)),
            ("_rels/.rels", Array(Self.packageRelationships.utf8)),
            ("xl/workbook.xml", Array(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(Self.workbookRelationships.utf8)),
            ("xl/styles.xml", Array(Self.styles.utf8)),
        ]
    }

    // MARK: - Cells

    /// Style indexes into `styles.xml`'s cell formats.
    private static let dateStyle = 1
    private static let headerStyle = 2

    /// The day serial 0: spreadsheets count days from 1899-12-30.
    private static let serialZero = Day(year: 1899, month: 12, day: 30)!
    /// The first day whose serial Excel and LibreOffice read alike (Excel counts a 1900-02-29).
    private static let firstSerialDay = Day(year: 1900, month: 3, day: 1)!

    /// One `<row>`, the next.
    private mutating func row(_ values: [Value], style: Int?, spec: OutputSpec) -> [UInt8] {
        rowCount += 1
        var out = Array("<row r=\"\(rowCount)\">".utf8)
        for (i, value) in values.enumerated() {
            let reference = Self.columnName(i) + String(rowCount)
            let styled = style.map { " s=\"\($0)\"" } ?? ""
            switch value {
            case .null:
                continue
            case .number(let n):
                out += Array("<c r=\"\(reference)\"\(styled)><v>\(n)</v></c>".utf8)
            case .date(let day) where day >= Self.firstSerialDay:
                let serial = day.daysSinceEpoch - Self.serialZero.daysSinceEpoch
                out += Array("<c r=\"\(reference)\" s=\"\(Self.dateStyle)\"><v>\(serial)</v></c>".utf8)
            default:
                let text = Self.escaped(Renderer.text(value, spec))
                out += Array(
                    "<c r=\"\(reference)\"\(styled) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>"
                        .utf8)
            }
        }
        out += Array("</row>".utf8)
        return out
    }

    /// `A`, `B`, … `Z`, `AA`, `AB`, …: the letters of the column at `index` (from 0).
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Text for an XML element: the five XML escapes, and OOXML's `_xHHHH_` for the control
    /// characters XML cannot hold (and for an underscore that would start such an escape), so
    /// the cell reads back exactly.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_" where startsEscape(scalars, at: i): out += "_x005F_"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether `_xHHHH_` begins at `i`.
    private static func startsEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    // MARK: - The fixed parts

    private var workbook: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(Self.escaped(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """

    private static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/></Relationships>
        """

    /// Cell formats: 0 the default, 1 dates (`yyyy-mm-dd`, number format 164), 2 the header
    /// (bold).
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        </styleSheet>
        """
}
