import CTSDomain

/// The chart of an `html` page, as inline SVG: the same ``ChartShape`` that ``ChartRenderer``
/// draws in text, drawn for a browser and for paper.
///
/// Bars: one horizontal bar per row, its label on the left and its value after it, over an
/// axis with a few round ticks; bars are scaled to the largest value, or to 0–100 for
/// percentages; zero, negative and absent values get no bar (as in text). Sparklines
/// (`report budget`): a small table with one line per label and series, each a polyline over
/// the years (a missing year breaks it), from its lowest value at the bottom to its highest
/// at the top, with the first and last values beside it.
///
/// SVG cannot measure text before a browser lays it out, so label room is reckoned from
/// display width (``DisplayWidth``: a CJK character takes two columns) at about 7 px a column
/// of 12 px text, and labels longer than a third of the chart are cut with `…`.
enum SVGChart {
    /// The drawing's width in SVG units; the page scales it to fit (`width="100%"`).
    static let width = 720
    static let rowHeight = 22
    static let barHeight = 14
    /// Pixels per display column of 12 px text, a little more than the average Latin glyph.
    static let columnWidth = 7

    static func write(
        _ table: ResultTable, _ shape: ChartShape, _ spec: OutputSpec, to out: inout some TextOutputStream
    ) {
        if shape.series.isEmpty { bars(table, shape, spec, to: &out) } else { sparklines(table, shape, spec, to: &out) }
    }

    /// Each row's label: its label cells joined by a space, absent ones as `(none)`.
    static func label(_ row: [Value], _ shape: ChartShape, _ spec: OutputSpec) -> String {
        shape.labels.map { c -> String in
            let value = Renderer.cell(row, c)
            if case .null = value { return spec.nullText.isEmpty ? "(none)" : spec.nullText }
            return value.description
        }.joined(separator: " ")
    }

    // MARK: Bars

    static func bars(_ table: ResultTable, _ shape: ChartShape, _ spec: OutputSpec, to out: inout some TextOutputStream)
    {
        let limit = width / 3 / columnWidth
        let names = shape.labels.map { table.columns[$0] }.joined(separator: " ")
        let labels = table.rows.map { ChartRenderer.cut(label($0, shape, spec), to: limit) }
        let values = table.rows.map { ChartRenderer.number(Renderer.cell($0, shape.value)) }
        let texts = table.rows.map { row -> String in
            let value = Renderer.cell(row, shape.value)
            if case .null = value { return spec.nullText.isEmpty ? "–" : spec.nullText }
            return TableRenderer.readable(value) + (shape.percent ? "%" : "")
        }
        let labelColumns = max(DisplayWidth.of(names), labels.map(DisplayWidth.of).max() ?? 0)
        let left = min(labelColumns, limit) * columnWidth + 12
        let textWidth = (texts.map(DisplayWidth.of).max() ?? 0) * columnWidth + 8
        let room = max(40, width - left - textWidth)
        let largest = values.compactMap { $0 }.max() ?? 0
        let scale = shape.percent ? max(100, largest) : largest
        let whole = values.allSatisfy { $0.map { $0 == $0.rounded() } ?? true }
        let ticks = scale > 0 ? self.ticks(upTo: scale, whole: whole) : []

        let top = rowHeight + 4
        let bottom = top + table.rows.count * rowHeight
        let height = bottom + (ticks.isEmpty ? 4 : 20)
        let valueName = table.columns[shape.value] + (shape.percent ? " (0–100)" : "")
        out.write("<figure class=\"chart\">\n")
        out.write(
            "<svg class=\"bars\" role=\"img\" width=\"100%\" viewBox=\"0 0 \(width) \(height)\" "
                + "preserveAspectRatio=\"xMinYMin meet\" style=\"max-width: \(width)px\">\n")
        out.write("<title>\(HTMLRenderer.escaped(valueName + " by " + names))</title>\n")
        out.write(text(names, x: 0, y: 15, className: "head"))
        out.write(text(valueName, x: left, y: 15, className: "head"))
        for tick in ticks {
            let x = left + Int((tick / scale * Double(room)).rounded())
            out.write(line(x, top, x, bottom, className: "grid"))
            out.write(text(tickText(tick), x: x, y: bottom + 15, className: "tick", anchor: "middle"))
        }
        for (i, label) in labels.enumerated() {
            let y = top + i * rowHeight
            let textY = y + rowHeight / 2 + 4
            out.write(text(label, x: 0, y: textY))
            var end = left
            if let value = values[i], value > 0, scale > 0 {
                let length = max(1, value / scale * Double(room))
                out.write(
                    "<rect class=\"bar\" x=\"\(left)\" y=\"\(y + (rowHeight - barHeight) / 2)\" "
                        + "width=\"\(decimal(length))\" height=\"\(barHeight)\"/>\n")
                end += Int(length.rounded(.up))
            }
            out.write(text(texts[i], x: end + 4, y: textY, className: "value"))
        }
        out.write(line(left, top, left, bottom, className: "axis"))
        if !ticks.isEmpty { out.write(line(left, bottom, left + room, bottom, className: "axis")) }
        out.write("</svg>\n</figure>\n")
    }

    /// Round values from 0 to `scale` for the axis: steps of 1, 2 or 5 times a power of ten,
    /// about five of them: `upTo: 100` gives 0, 20 … 100, `upTo: 390` gives 0, 100 … 300.
    /// `whole`: the values are counts or other whole numbers, so no step is below 1 (a count
    /// of 2 gets 0, 1, 2 rather than 0, 0.5 … 2).
    static func ticks(upTo scale: Double, whole: Bool = false) -> [Double] {
        let rough = scale / 5
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough && magnitude > 1e-12 { magnitude /= 10 }
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        if whole { step = max(1, step) }
        var ticks: [Double] = []
        var tick = 0.0
        while tick <= scale * (1 + 1e-9) {
            ticks.append(tick)
            tick += step
        }
        return ticks
    }

    /// A tick's value: whole numbers without a fraction, others shortest.
    static func tickText(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return decimal(value)
    }

    /// A coordinate with at most two decimals (`12.5`, `3`), short in the file.
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }

    static func text(_ s: String, x: Int, y: Int, className: String? = nil, anchor: String? = nil) -> String {
        let c = className.map { " class=\"\($0)\"" } ?? ""
        let a = anchor.map { " text-anchor=\"\($0)\"" } ?? ""
        return "<text x=\"\(x)\" y=\"\(y)\"\(c)\(a)>\(HTMLRenderer.escaped(s))</text>\n"
    }

    static func line(_ x1: Int, _ y1: Int, _ x2: Int, _ y2: Int, className: String) -> String {
        "<line class=\"\(className)\" x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\"/>\n"
    }

    // MARK: Sparklines

    static let sparkWidth = 160
    static let sparkHeight = 24
    static let sparkPad = 3.0

    static func sparklines(
        _ table: ResultTable, _ shape: ChartShape, _ spec: OutputSpec, to out: inout some TextOutputStream
    ) {
        guard let data = SparklineData(table, shape, labels: table.rows.map { label($0, shape, spec) }) else { return }
        out.write("<figure class=\"chart\">\n")
        out.write(
            "<figcaption>\(data.first)–\(data.last), each line from its lowest value (bottom) to its highest (top)"
                + "</figcaption>\n")
        out.write("<table class=\"sparklines\">\n<tbody>\n")
        for line in data.lines {
            let name = table.columns[line.column]
            out.write(
                "<tr><td>\(line.opensLabel ? HTMLRenderer.escaped(line.label) : "")</td>"
                    + "<td>\(HTMLRenderer.escaped(name))</td>"
                    + "<td>\(sparkline(line.points, label: line.label + " " + name))</td>"
                    + "<td>\(HTMLRenderer.escaped(line.ends))</td></tr>\n")
        }
        out.write("</tbody>\n</table>\n</figure>\n")
    }

    /// One small SVG line over `points` (one per year, nil for a year without a value): a
    /// polyline per run of consecutive years, and a dot on each value so a lone year shows.
    static func sparkline(_ points: [Double?], label: String) -> String {
        let present = points.compactMap { $0 }
        let low = present.min() ?? 0, high = present.max() ?? 0
        let w = Double(sparkWidth) - 2 * sparkPad, h = Double(sparkHeight) - 2 * sparkPad
        func x(_ i: Int) -> Double {
            points.count == 1 ? Double(sparkWidth) / 2 : sparkPad + Double(i) / Double(points.count - 1) * w
        }
        func y(_ p: Double) -> Double {
            high == low ? Double(sparkHeight) / 2 : sparkPad + (1 - (p - low) / (high - low)) * h
        }
        var svg =
            "<svg class=\"spark\" role=\"img\" width=\"\(sparkWidth)\" height=\"\(sparkHeight)\" "
            + "viewBox=\"0 0 \(sparkWidth) \(sparkHeight)\"><title>\(HTMLRenderer.escaped(label))</title>"
        var run: [String] = []
        func endRun() {
            if run.count > 1 { svg += "<polyline class=\"line\" points=\"\(run.joined(separator: " "))\"/>" }
            run = []
        }
        for (i, point) in points.enumerated() {
            guard let point else {
                endRun()
                continue
            }
            run.append("\(decimal(x(i))),\(decimal(y(point)))")
            svg += "<circle class=\"point\" cx=\"\(decimal(x(i)))\" cy=\"\(decimal(y(point)))\" r=\"2\"/>"
        }
        endRun()
        return svg + "</svg>"
    }
}
