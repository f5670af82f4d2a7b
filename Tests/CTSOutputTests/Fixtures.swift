import CTSDomain
@testable import CTSOutput
import Testing

/// Shared inputs and assertions for the renderer tests.
enum Fixtures {
    /// Budgets of two units over the years, one year missing: what `report budget` charts as
    /// sparklines.
    static var budgets: ResultTable {
        var t = ResultTable(
            title: "Budgets",
            columns: ["unit", "year", "funds", "revenue"],
            rows: [
                [.text("js"), .number(2008), .number(10), .number(5)],
                [.text("js"), .number(2009), .number(20), .number(5)],
                [.text("js"), .number(2011), .number(15), .number(5)],
                [.text("nj"), .number(2010), .number(7), .number(1)],
            ])
        t.chart = ChartShape(labels: [0], value: 1, series: [2, 3])
        return t
    }

    /// The display columns at which a line of a table has its `|` and `+` bars.
    static func barColumns(_ line: String) -> [Int] {
        var columns: [Int] = []
        var width = 0
        for c in line {
            if c == "|" || c == "+" { columns.append(width) }
            width += DisplayWidth.of(c)
        }
        return columns
    }

    /// Cadres with Chinese, Spanish and emoji text, every kind of value, nulls and a note.
    static let cadres = ResultTable(
        title: "Cadres",
        columns: ["id", "name", "hours", "budget", "born", "rank", "active", "unit", "term", "note"],
        rows: [
            [
                .text("c1"), .text("Li Wei"), .number(390), .number(32_000_000_000), .date(day(1970, 5, 1)),
                .enumeration(Rank.county.enumValue), .bool(true), .ref(.unit, "js.org"),
                .period(Period(years: 2008, 2012)!), .null,
            ],
            [
                .text("c3"), .text("Zhang Min – 张敏"), .number(7.5), .null, .date(day(1981, 11, 23)),
                .enumeration(Rank.bureau.enumValue), .bool(false), .ref(.unit, "js.nj"),
                .period(Period(years: 2009, 2009)!), .text("组长 🎉"),
            ],
            [
                .text("c4"), .text("Peña Núñez"), .number(0.25), .number(-12), .null,
                .enumeration(Rank.staff.enumValue), .null, .null, .null, .text("ñ"),
            ],
        ],
        notes: ["2 of 3 compliant"]
    )

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    /// A one-column table of text values, for quoting and escaping cases.
    static func texts(_ column: String, _ values: [String]) -> ResultTable {
        ResultTable(columns: [column], rows: values.map { [.text($0)] })
    }
}

/// Checks that `actual` is exactly `expected` followed by one newline (every rendering ends
/// in "\n", which a multi-line literal leaves off), and points at the first differing line.
func expectRendered(
    _ actual: String, _ expected: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let wanted = expected + "\n"
    guard actual != wanted else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = wanted.split(separator: "\n", omittingEmptySubsequences: false)
    var detail = "line counts \(a.count) vs \(e.count)"
    for i in 0..<max(a.count, e.count) {
        let got = i < a.count ? String(a[i]) : "<missing>"
        let want = i < e.count ? String(e[i]) : "<missing>"
        if got != want {
            detail =
                "first difference at line \(i + 1):\n  got:  \(got.debugDescription)\n  want: \(want.debugDescription)"
            break
        }
    }
    Issue.record("rendered text differs; \(detail)\n--- got ---\n\(actual)", sourceLocation: sourceLocation)
}
