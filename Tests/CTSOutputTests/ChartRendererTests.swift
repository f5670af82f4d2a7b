import CTSDomain
import CTSOutput
import Testing

@Suite struct ChartRendererTests {
    /// Units with CJK and long labels, a fraction, a zero, a negative and an absent value.
    static let counts: ResultTable = {
        var t = ResultTable(
            columns: ["unit", "count"],
            rows: [
                [.text("js"), .number(8)], [.text("南京 nj"), .number(3)], [.text("sz"), .number(0)],
                [.text("wx"), .number(-2)], [.text("yz"), .null], [.null, .number(0.1)],
            ], notes: ["6 groups"])
        t.chart = ChartShape(labels: [0], value: 1)
        return t
    }()

    static func chart(_ table: ResultTable, width: Int?) -> String {
        var text = ""
        Renderer.write(table, OutputSpec(.chart, width: width), to: &text)
        return text
    }

    @Test func barsAtEightyColumns() {
        expectRendered(
            Self.chart(Self.counts, width: nil),
            """
            unit     count
            js       ███████████████████████████████████████████████████████████████████ 8
            南京 nj  █████████████████████████▏ 3
            sz       0
            wx       -2
            yz       –
            (none)   ▉ 0.1
            6 groups
            """)
    }

    @Test func barsFitFortyColumns() {
        let text = Self.chart(Self.counts, width: 40)
        expectRendered(
            text,
            """
            unit     count
            js       ███████████████████████████ 8
            南京 nj  ██████████▏ 3
            sz       0
            wx       -2
            yz       –
            (none)   ▍ 0.1
            6 groups
            """)
        for line in text.split(separator: "\n") { #expect(DisplayWidthProbe.of(String(line)) <= 40) }
    }

    @Test func percentBarsUseAHundredAsTheScaleAndLongLabelsAreCut() {
        var t = ResultTable(
            title: "Compliance",
            columns: ["unit", "cadres", "compliant", "compliant-%"],
            rows: [
                [.text("一二三四五六七八九十"), .number(4), .number(2), .number(50)],
                [.text("js"), .number(3), .number(3), .number(100)],
            ])
        t.chart = ChartShape(labels: [0], value: 3, percent: true)
        expectRendered(
            Self.chart(t, width: 30),
            """
            Compliance
            unit       compliant-% (0–100)
            一二三四…  ███████ 50%
            js         ██████████████ 100%
            """)
    }

    @Test func sparklinesPerUnitAndSeries() {
        let t = Fixtures.budgets
        expectRendered(
            Self.chart(t, width: nil),
            """
            Budgets
            2008–2011, each line from its lowest ▁ to its highest █
            js  funds    ▁█ ▅  10 → 15
                revenue  ▄▄ ▄  5 → 5
            nj  funds      ▄   7
                revenue    ▄   1
            """)
    }

    @Test func nothingToChart() {
        var t = ResultTable(columns: ["unit", "count"])
        t.chart = ChartShape(labels: [0], value: 1)
        #expect(Self.chart(t, width: nil) == "(nothing to chart)\n")
    }

    @Test func chartIsForPeopleAndNotOfferedBySetFormat() {
        #expect(OutputFormat.chart.traits.audience == .people)
        #expect(!OutputFormat.chart.traits.exportable)
        #expect(OutputFormat.names.contains("chart"))
        #expect(!OutputFormat.sessionNames.contains("chart"))
    }
}

/// Display width as the renderer measures it (CJK counts 2).
enum DisplayWidthProbe {
    static func of(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x3000 && $1.value < 0xA000 ? 2 : 1) }
    }
}
