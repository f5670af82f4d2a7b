import CTSDomain
import CTSOutput
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `html` page, read the way a program reads a page: parsed by an XML parser (so it must
/// be well-formed) and checked element by element with XPath.
@Suite struct HTMLRendererTests {
    static func page(_ table: ResultTable, _ spec: OutputSpec = OutputSpec(.html)) -> String {
        var text = ""
        Renderer.write(table, spec, to: &text)
        return text
    }

    /// The page parsed; a page an XML parser refuses fails the test here.
    static func parsed(_ page: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLDocument {
        do {
            return try XMLDocument(xmlString: page, options: [])
        } catch {
            Issue.record("the page is not well-formed: \(error)\n\(page)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// The text of every node `xpath` selects, in document order.
    static func texts(_ document: XMLDocument, _ xpath: String) throws -> [String] {
        try document.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
    }

    static let counts: ResultTable = {
        var t = ResultTable(
            title: "Cadres by unit",
            columns: ["unit", "count"],
            rows: [
                [.text("js"), .number(8)], [.text("南京 nj"), .number(3)], [.text("sz"), .number(0)],
                [.null, .number(-2)],
            ],
            notes: ["4 groups"])
        t.chart = ChartShape(labels: [0], value: 1)
        return t
    }()

    @Test func aStandaloneUTF8PageWithAPrintStylesheet() throws {
        let page = Self.page(Fixtures.cadres)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html"))
        #expect(page.hasSuffix("</html>\n"))
        let document = try Self.parsed(page)
        #expect(try Self.texts(document, "/html/head/meta/@charset") == ["utf-8"])
        #expect(try Self.texts(document, "/html/head/title") == ["Cadres"])
        #expect(try Self.texts(document, "/html/body/h1") == ["Cadres"])
        let style = try Self.texts(document, "/html/head/style").joined()
        #expect(style.contains("@page { size: A4; margin: 15mm; }"))
        #expect(style.contains("thead { display: table-header-group; }"))
        #expect(style.contains("break-inside: avoid"))
        #expect(style.contains("\"Noto Sans CJK SC\""))
        // Nothing to fetch: no scripts, links, images, nor any URL in an attribute.
        #expect(try document.nodes(forXPath: "//script | //link | //img | //iframe | //object").isEmpty)
        #expect(try document.nodes(forXPath: "//@src | //@href").isEmpty)
        #expect(!page.contains("url("))
    }

    @Test func theTableHasTheResultsCellsAndRowCountAndNotes() throws {
        let document = try Self.parsed(Self.page(Fixtures.cadres))
        #expect(try Self.texts(document, "//table/thead/tr/th") == Fixtures.cadres.columns)
        #expect(try document.nodes(forXPath: "//table/tbody/tr").count == 3)
        // Values as the table format shows them; nothing as the default null text, "".
        #expect(
            try Self.texts(document, "//table/tbody/tr[1]/td")
                == ["c1", "Li Wei", "390", "32000000000", "1970-05-01", "county", "yes", "js.org", "2008..2012", ""])
        #expect(try Self.texts(document, "//p[@class='count']") == ["(3 rows)"])
        #expect(try Self.texts(document, "//p[@class='note']") == ["2 of 3 compliant"])
    }

    @Test func chineseAndOtherScriptsAreKeptAsTheyAre() throws {
        let page = Self.page(Fixtures.cadres)
        #expect(page.contains("<td>Zhang Min – 张敏</td>"))
        #expect(page.contains("<td>组长 🎉</td>"))
        #expect(page.contains("<td>Peña Núñez</td>"))
        let document = try Self.parsed(page)
        #expect(try Self.texts(document, "//tbody/tr[2]/td[2]") == ["Zhang Min – 张敏"])
    }

    @Test func numericColumnsAreRightAlignedAndOthersNot() throws {
        let document = try Self.parsed(Self.page(Fixtures.cadres))
        // hours (3) and budget (4) hold only numbers and nulls; every other column has text.
        #expect(try Self.texts(document, "//thead/tr/th[@class='num']") == ["hours", "budget"])
        #expect(try Self.texts(document, "//tbody/tr[1]/td[@class='num']") == ["390", "32000000000"])
        #expect(try Self.texts(document, "//tbody/tr[3]/td[@class='num']") == ["0.25", "-12"])
        #expect(try document.nodes(forXPath: "//td[@class='num']").count == 6)
        let style = try Self.texts(document, "/html/head/style").joined()
        #expect(style.contains(".num { text-align: right;"))
    }

    @Test func numbersReadAsInTheTableFormatAndNullsAsTheNullText() throws {
        let t = ResultTable(
            columns: ["avg", "note"], rows: [[.number(1978.764705882353), .null], [.number(7.5), .text("x")]])
        let document = try Self.parsed(Self.page(t, OutputSpec(.html, nullText: "(null)")))
        #expect(try Self.texts(document, "//tbody/tr/td[1]") == ["1978.76", "7.5"])
        #expect(try Self.texts(document, "//tbody/tr[1]/td[2]") == ["(null)"])
        // Without a title the window's title names the columns; there is no heading.
        #expect(try Self.texts(document, "/html/head/title") == ["cts: avg, note"])
        #expect(try document.nodes(forXPath: "//h1").isEmpty)
    }

    @Test func everyTextIsEscaped() throws {
        let nasty = "<b>Tom & \"Jerry\"</b> 'x' \u{1B}[31m"
        var t = ResultTable(title: nasty, columns: [nasty], rows: [[.text(nasty)]], notes: [nasty])
        t.chart = ChartShape(labels: [0], value: 0)
        let page = Self.page(t)
        #expect(!page.contains("<b>"))
        #expect(!page.contains("\u{1B}"))
        #expect(page.contains("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; &#39;x&#39; \\u{1B}[31m"))
        let document = try Self.parsed(page)
        let shown = "<b>Tom & \"Jerry\"</b> 'x' \\u{1B}[31m"
        #expect(try Self.texts(document, "/html/head/title") == [shown])
        #expect(try Self.texts(document, "//h1 | //th | //td | //p[@class='note']") == [shown, shown, shown, shown])
        #expect(try Self.texts(document, "//svg/text[1]") == [shown])
        #expect(try document.nodes(forXPath: "//b").isEmpty)
    }

    @Test func aBarChartOnlyWhenTheResultHasAShape() throws {
        var plain = Self.counts
        plain.chart = nil
        #expect(!Self.page(plain).contains("<svg"))
        #expect(!Self.page(Fixtures.cadres).contains("<svg"))

        let document = try Self.parsed(Self.page(Self.counts))
        // The chart comes before the table, with one bar per positive value.
        #expect(try document.nodes(forXPath: "/html/body/figure[following-sibling::table]/svg").count == 1)
        let bars = try document.nodes(forXPath: "//svg/rect[@class='bar']") as! [XMLElement]
        #expect(bars.count == 2)
        let widths = bars.compactMap { $0.attribute(forName: "width")?.stringValue }.compactMap(Double.init)
        #expect(widths.count == 2 && widths[0] > widths[1] && abs(widths[0] / widths[1] - 8.0 / 3.0) < 0.01)
        let texts = try Self.texts(document, "//svg/text")
        for label in ["unit", "count", "js", "南京 nj", "sz", "(none)", "8", "3", "0", "-2"] {
            #expect(texts.contains(label), "no text \(label) in the chart")
        }
        // An axis with round ticks from 0 to the largest value.
        #expect(try Self.texts(document, "//svg/text[@class='tick']") == ["0", "2", "4", "6", "8"])
        #expect(try !document.nodes(forXPath: "//svg/line[@class='axis']").isEmpty)
    }

    @Test func smallCountsGetWholeTicksAndFractionsFractionalOnes() throws {
        func ticks(_ values: [Double]) throws -> [String] {
            var t = ResultTable(
                columns: ["unit", "n"], rows: values.enumerated().map { [.text("u\($0)"), .number(Number($1))] })
            t.chart = ChartShape(labels: [0], value: 1)
            return try Self.texts(Self.parsed(Self.page(t)), "//svg/text[@class='tick']")
        }
        #expect(try ticks([1, 2]) == ["0", "1", "2"])
        #expect(try ticks([1, 1.5]) == ["0", "0.5", "1", "1.5"])
        #expect(try ticks([390, 300]) == ["0", "100", "200", "300"])
    }

    @Test func percentBarsAreOnAHundredScale() throws {
        var t = ResultTable(
            columns: ["unit", "compliant-%"], rows: [[.text("js"), .number(50)], [.text("nj"), .number(100)]])
        t.chart = ChartShape(labels: [0], value: 1, percent: true)
        let document = try Self.parsed(Self.page(t))
        let texts = try Self.texts(document, "//svg/text")
        #expect(texts.contains("50%") && texts.contains("100%") && texts.contains("compliant-% (0–100)"))
        #expect(try Self.texts(document, "//svg/text[@class='tick']") == ["0", "20", "40", "60", "80", "100"])
        let widths = try (document.nodes(forXPath: "//svg/rect") as! [XMLElement])
            .compactMap { $0.attribute(forName: "width")?.stringValue }.compactMap(Double.init)
        #expect(widths.count == 2 && abs(widths[1] / widths[0] - 2) < 0.01)
    }

    @Test func budgetSparklinesAreOneSmallLinePerUnitAndSeries() throws {
        let t = Fixtures.budgets
        let document = try Self.parsed(Self.page(t))
        let lines = try document.nodes(forXPath: "//table[@class='sparklines']/tbody/tr")
        #expect(lines.count == 4)
        #expect(try Self.texts(document, "//table[@class='sparklines']//tr/td[1]") == ["js", "", "nj", ""])
        #expect(
            try Self.texts(document, "//table[@class='sparklines']//tr/td[2]") == [
                "funds", "revenue", "funds", "revenue",
            ])
        #expect(try Self.texts(document, "//table[@class='sparklines']//tr/td[4]") == ["10 → 15", "5 → 5", "7", "1"])
        #expect(try document.nodes(forXPath: "//table[@class='sparklines']//svg").count == 4)
        // js funds: 2008 and 2009 joined, 2010 missing, 2011 alone: one polyline, three dots;
        // the highest value (20, in 2009) at the top, the lowest (10) at the bottom.
        let jsFunds = "//table[@class='sparklines']//tr[1]//svg"
        let polylines = try document.nodes(forXPath: jsFunds + "/polyline") as! [XMLElement]
        #expect(polylines.count == 1)
        #expect(polylines.first?.attribute(forName: "points")?.stringValue == "3,21 54.33,3")
        #expect(try document.nodes(forXPath: jsFunds + "/circle").count == 3)
        // The data table still follows, with every row.
        #expect(try document.nodes(forXPath: "/html/body/table/tbody/tr").count == 4)
    }

    @Test func withoutHeadersThereIsNoTableHead() throws {
        let document = try Self.parsed(Self.page(Fixtures.cadres, OutputSpec(.html, headers: false)))
        #expect(try document.nodes(forXPath: "//thead").isEmpty)
        #expect(try document.nodes(forXPath: "//tbody/tr").count == 3)
    }

    @Test func anEmptyResultIsStillAPage() throws {
        var t = ResultTable(columns: ["unit", "count"])
        t.chart = ChartShape(labels: [0], value: 1)
        let document = try Self.parsed(Self.page(t))
        #expect(try Self.texts(document, "//p[@class='count']") == ["(0 rows)"])
        #expect(try document.nodes(forXPath: "//svg").isEmpty)
    }

    @Test func htmlIsForPeopleAndGoesOnlyIntoAnEmptyFile() {
        #expect(OutputFormat.html.traits.audience == .people)
        #expect(!OutputFormat.html.traits.exportable)
        #expect(OutputFormat.sessionNames.contains("html"))
        let t = Fixtures.cadres
        #expect(Renderer.renderForAppend(t, as: .html, firstLine: nil) == .success(Renderer.render(t, as: .html)))
        #expect(Renderer.renderForAppend(t, as: .html, firstLine: "<!DOCTYPE html>") == .failure(.notAppendable))
    }
}
