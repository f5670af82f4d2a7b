import CTSDomain

/// The `chart` format: a horizontal bar chart of a grouped result, or sparklines for
/// `report budget`, drawn with Unicode blocks and fitted to `spec.width` (80 by default).
///
/// The result's ``ChartShape`` names the label columns and the value. Labels are aligned by
/// display width (CJK takes two columns) and cut with `…` when they would take more than a
/// third of the width; each bar is `█` plus an eighth block (`▏▎▍▌▋▊▉`) for the fraction, and
/// its value follows it. Bars are scaled to the largest value, or to 0–100 for percentages.
/// A positive value too small to see gets `▏`; zero, negative and absent values get no bar.
///
///     unit    count
///     js      ████████████████ 2
///     nj.fin  ████████▏ 1
enum ChartRenderer {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let sparks = Array("▁▂▃▄▅▆▇█")

    static func write(_ table: ResultTable, _ spec: OutputSpec, to out: inout some TextOutputStream) {
        // The interpreter refuses `as chart` without a shape; any other caller gets the table.
        guard let shape = table.chart else { return TableRenderer.write(table, spec, colorize: false, to: &out) }
        let width = max(20, spec.width ?? 80)
        if let title = table.title { out.write(TerminalText.escaped(title) + "\n") }
        if table.rows.isEmpty {
            out.write("(nothing to chart)\n")
        } else if shape.series.isEmpty {
            bars(table, shape, spec, width: width, to: &out)
        } else {
            sparklines(table, shape, spec, width: width, to: &out)
        }
        for note in table.notes { out.write(TerminalText.escaped(note) + "\n") }
    }

    /// The labels of every row, one cell per label column, escaped and cut to fit `limit`.
    static func labels(_ table: ResultTable, _ shape: ChartShape, _ spec: OutputSpec, limit: Int) -> [String] {
        table.rows.map { row in
            let cells = shape.labels.map { c -> String in
                let value = Renderer.cell(row, c)
                if case .null = value { return spec.nullText.isEmpty ? "(none)" : TerminalText.escaped(spec.nullText) }
                return TerminalText.escaped(value.description)
            }
            return cut(cells.joined(separator: " "), to: limit)
        }
    }

    /// `s` cut to `limit` display columns, ending in `…` when cut (as tables cut cells).
    static func cut(_ s: String, to limit: Int) -> String { TableFit.cut(s, to: limit) }

    static func number(_ value: Value) -> Double? {
        guard case .number(let n) = value else { return nil }
        return Double(n.description)
    }

    static func bars(
        _ table: ResultTable, _ shape: ChartShape, _ spec: OutputSpec, width: Int, to out: inout some TextOutputStream
    ) {
        let names = shape.labels.map { TerminalText.escaped(table.columns[$0]) }.joined(separator: " ")
        let labels = labels(table, shape, spec, limit: width / 3)
        let labelWidth = max(DisplayWidth.of(names), labels.map(DisplayWidth.of).max() ?? 0)
        let values = table.rows.map { Renderer.cell($0, shape.value) }
        let texts = values.map { v -> String in
            if case .null = v { return spec.nullText.isEmpty ? "–" : TerminalText.escaped(spec.nullText) }
            return TableRenderer.readable(v) + (shape.percent ? "%" : "")
        }
        let textWidth = texts.map(DisplayWidth.of).max() ?? 0
        let room = max(1, width - labelWidth - 2 - 1 - textWidth)
        let largest = values.compactMap(number).max() ?? 0
        let scale = shape.percent ? max(100, largest) : largest
        let valueName = table.columns[shape.value] + (shape.percent ? " (0–100)" : "")
        out.write(TerminalText.padded(names, to: labelWidth) + "  " + TerminalText.escaped(valueName) + "\n")
        for (i, label) in labels.enumerated() {
            out.write(
                TerminalText.padded(label, to: labelWidth) + "  " + bar(number(values[i]), scale, room) + texts[i]
                    + "\n")
        }
    }

    /// A bar of `value` on `0...scale` in at most `room` columns, and a space after it.
    static func bar(_ value: Double?, _ scale: Double, _ room: Int) -> String {
        guard let value, value > 0, scale > 0 else { return "" }
        let units = max(1, Int((value / scale * Double(room) * 8).rounded()))
        return String(repeating: "█", count: units / 8) + eighths[units % 8] + " "
    }

    /// One line per label and series: the label, the series' name, a sparkline over the years
    /// of `shape.value` (a space for a missing year), then the first and last values.
    static func sparklines(
        _ table: ResultTable, _ shape: ChartShape, _ spec: OutputSpec, width: Int, to out: inout some TextOutputStream
    ) {
        let labels = labels(table, shape, spec, limit: Int.max)
        guard let data = SparklineData(table, shape, labels: labels) else { return }
        let limit = width / 3
        let labelWidth = labels.map { DisplayWidth.of(cut($0, to: limit)) }.max() ?? 0
        let names = shape.series.map { TerminalText.escaped(table.columns[$0]) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        out.write("\(data.first)–\(data.last), each line from its lowest ▁ to its highest █\n")
        for line in data.lines {
            let present = line.points.compactMap { $0 }
            let low = present.min() ?? 0, high = present.max() ?? 0
            let spark = line.points.map { p -> Character in
                guard let p else { return " " }
                if high == low { return sparks[3] }
                return sparks[Int(((p - low) / (high - low) * 7).rounded())]
            }
            let lead = TerminalText.padded(line.opensLabel ? cut(line.label, to: limit) : "", to: labelWidth)
            let name = TerminalText.padded(names[shape.series.firstIndex(of: line.column)!], to: nameWidth)
            out.write(cut(lead + "  " + name + "  " + String(spark) + "  " + line.ends, to: width) + "\n")
        }
    }
}
