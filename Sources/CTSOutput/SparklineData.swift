import CTSDomain

/// What a sparkline chart (`report budget … as chart` or `as html`) draws, whatever draws it:
/// the span of years, then one line per label (in the order labels first appear) and series,
/// with the value of each year (nil for a year without one) and the first and last values as
/// the table shows them. Rows are grouped by their whole label, so two labels that a narrow
/// screen cuts to the same text stay two lines.
///
///     let data = SparklineData(table, shape, labels: table.rows.map { label($0) })
///     for line in data.lines { draw(line.points) }
struct SparklineData {
    struct Line {
        let label: String
        /// Whether this is the label's first series (the label is shown once, on it).
        let opensLabel: Bool
        let column: Int
        let points: [Double?]
        /// `first → last` (or the one value), readable as in the table.
        let ends: String
    }

    let first: Int
    let last: Int
    let lines: [Line]

    /// Nil when no row has a year.
    init?(_ table: ResultTable, _ shape: ChartShape, labels: [String]) {
        let years = table.rows.compactMap { ChartRenderer.number(Renderer.cell($0, shape.value)) }.map { Int($0) }
        guard let first = years.min(), let last = years.max() else { return nil }
        var order: [String] = []
        var rowsOf: [String: [Int]] = [:]
        for (i, label) in labels.enumerated() {
            if rowsOf[label] == nil { order.append(label) }
            rowsOf[label, default: []].append(i)
        }
        var lines: [Line] = []
        for label in order {
            for (s, column) in shape.series.enumerated() {
                var points = [Double?](repeating: nil, count: last - first + 1)
                var shown: [Value] = []
                for r in rowsOf[label]! {
                    let row = table.rows[r]
                    guard let year = ChartRenderer.number(Renderer.cell(row, shape.value)) else { continue }
                    points[Int(year) - first] = ChartRenderer.number(Renderer.cell(row, column))
                    shown.append(Renderer.cell(row, column))
                }
                var ends = ""
                if let a = shown.first, let b = shown.last {
                    let from = TableRenderer.readable(a), to = TableRenderer.readable(b)
                    ends = shown.count == 1 ? from : "\(from) → \(to)"
                }
                lines.append(Line(label: label, opensLabel: s == 0, column: column, points: points, ends: ends))
            }
        }
        self.first = first
        self.last = last
        self.lines = lines
    }
}
