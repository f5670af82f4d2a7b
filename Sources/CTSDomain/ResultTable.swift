/// The answer to a query or report: named columns and rows of values.
///
/// Renderers in `CTSOutput` turn it into text in each output format (`OutputFormat`).
/// `title` and `notes` are shown around the formats for people only; the formats for
/// programs carry just the columns and rows.
public struct ResultTable: Equatable, Sendable {
    public var title: String?
    public var columns: [String]
    public var rows: [[Value]]
    /// Lines printed under a human-readable table (e.g. "2 of 3 compliant").
    public var notes: [String]
    /// How the result reads as a chart (`as chart`); nil for results without groups.
    public var chart: ChartShape?
    /// Columns whose values are numbers, aligned right in tables.
    public var numericColumns: Set<Int> {
        var result = Set<Int>()
        for c in columns.indices {
            var sawNumber = false
            var allNumbers = true
            for row in rows where c < row.count {
                switch row[c] {
                case .number: sawNumber = true
                case .null: break
                default: allNumbers = false
                }
            }
            if sawNumber && allNumbers { result.insert(c) }
        }
        return result
    }

    public init(title: String? = nil, columns: [String], rows: [[Value]] = [], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

/// Which columns of a grouped result a chart draws (set by the interpreter on `count … by`,
/// `stats … by`, `report compliance … by` and `report budget`).
///
///     ChartShape(labels: [0], value: 1)                     // count cadres by unit
///     ChartShape(labels: [0], value: 3, percent: true)      // compliant-% on a 0–100 scale
///     ChartShape(labels: [0], value: 1, series: [2, 3])     // budget: funds, revenue by year
public struct ChartShape: Equatable, Sendable {
    /// The columns that name a bar (or a line of sparklines), shown side by side.
    public var labels: [Int]
    /// Bars: the column measured. Sparklines: the column of the x axis (the year).
    public var value: Int
    /// Bars on a fixed 0–100 scale, values shown with `%`.
    public var percent: Bool
    /// Non-empty: one sparkline per label and series column, over the values of `value`.
    public var series: [Int]

    public init(labels: [Int], value: Int, percent: Bool = false, series: [Int] = []) {
        self.labels = labels
        self.value = value
        self.percent = percent
        self.series = series
    }
}
