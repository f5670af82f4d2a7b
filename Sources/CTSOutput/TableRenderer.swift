import CTSDomain

/// The human `table` format, shaped like psql's aligned output.
///
/// The title (if any) goes on the line above; a header row, a dashed separator and one line
/// per row follow, then `(N rows)` and the notes. Numeric columns are right-aligned, others
/// left-aligned, headers aligned like their column. Widths are display widths, control
/// characters in titles, names, values and notes are escaped, and no line ends in padding.
///
///      id | name             | rank
///     ----+------------------+--------
///      c3 | Zhang Min – 张敏 | bureau
///      c1 | Li Wei           | county
///     (2 rows)
enum TableRenderer {
    /// The aligned table. Every cell is escaped and measured before the first line is
    /// written (the widths need all rows); the lines then go to `out` one at a time.
    ///
    /// With `spec.width` (the screen's columns; never set for files and pipes) a wider table
    /// is fitted: its widest text columns are cut with `…` (``TableFit``), or, when that
    /// cannot make it fit, it is shown as records (``VerticalView``).
    static func write(_ table: ResultTable, _ spec: OutputSpec, colorize: Bool, to out: inout some TextOutputStream) {
        let numeric = table.numericColumns
        var header = table.columns.map { TerminalText.escaped($0) }
        var body = table.rows.map { row in
            table.columns.indices.map { c -> String in
                let value = Renderer.cell(row, c)
                if case .null = value { return TerminalText.escaped(spec.nullText) }
                return TerminalText.escaped(readable(value))
            }
        }
        var widths = spec.headers ? header.map(DisplayWidth.of) : header.map { _ in 0 }
        for row in body {
            for (c, text) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(text)) }
        }

        if let title = table.title { out.write(TerminalText.escaped(title) + "\n") }
        if let available = spec.width, TableFit.lineWidth(widths) > available, !header.isEmpty {
            guard let fitted = TableFit.widths(widths, numeric: numeric, into: available) else {
                let lines = VerticalView.lines(
                    header: header, body: body, available: available, bold: colorize ? ANSI.bold : nil)
                for line in lines { out.write(line + "\n") }
                writeFooter(table, to: &out)
                return
            }
            for c in widths.indices where fitted[c] < widths[c] {
                header[c] = TableFit.cut(header[c], to: fitted[c])
                for r in body.indices { body[r][c] = TableFit.cut(body[r][c], to: fitted[c]) }
            }
            widths = fitted
        }
        if !header.isEmpty {
            if spec.headers {
                out.write(line(header, widths: widths, numeric: numeric, style: colorize ? ANSI.bold : nil))
                out.write(widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "\n")
            }
            for row in body { out.write(line(row, widths: widths, numeric: numeric, style: nil)) }
        }
        writeFooter(table, to: &out)
    }

    /// `(N rows)` and the notes.
    private static func writeFooter(_ table: ResultTable, to out: inout some TextOutputStream) {
        out.write(table.rows.count == 1 ? "(1 row)\n" : "(\(table.rows.count) rows)\n")
        for note in table.notes { out.write(TerminalText.escaped(note) + "\n") }
    }

    /// How a value reads in a table. A number with more than 3 decimals (an average, a
    /// quotient: `1978.764705882353`) is rounded to 2 (`1978.76`); numbers as entered (hours in
    /// thousandths, money) and whole numbers are shown exactly. Only the table format rounds:
    /// csv, tsv, json and markdown keep the exact shortest form.
    static func readable(_ value: Value) -> String {
        let exact = value.description
        guard case .number = value, hasMoreThanThreeDecimals(exact), let n = Double(exact), n.isFinite,
            abs(n) < 1e15
        else { return exact }
        let rounded = (n * 100).rounded(.toNearestOrAwayFromZero) / 100
        if rounded == 0 { return "0" }  // never "-0"
        if rounded == rounded.rounded() { return String(Int64(rounded)) }
        return "\(rounded)"
    }

    /// `1.2345` and `1e-07` do; `1.125`, `390` and `1e+20` do not.
    static func hasMoreThanThreeDecimals(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let e = utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return utf8[utf8.index(after: e)] == UInt8(ascii: "-")
        }
        guard let dot = utf8.firstIndex(of: UInt8(ascii: ".")) else { return false }
        return utf8.distance(from: dot, to: utf8.endIndex) - 1 > 3
    }

    /// One aligned line: ` a | b | c`, cells padded to `widths` except after the last one.
    /// `style` wraps each cell's text (not its padding), so colour codes never count in widths.
    static func line(_ cells: [String], widths: [Int], numeric: Set<Int>, style: String?) -> String {
        var out = ""
        for (c, text) in cells.enumerated() {
            let isLast = c == cells.count - 1
            let fill = String(repeating: " ", count: max(0, widths[c] - DisplayWidth.of(text)))
            let shown = style.map { $0 + text + ANSI.reset } ?? text
            if c > 0 { out += "|" }
            if isLast && text.isEmpty { break }  // no trailing blank after the last bar
            out += " "
            if numeric.contains(c) {
                out += fill + shown
            } else {
                out += shown + (isLast ? "" : fill)
            }
            if !isLast { out += " " }
        }
        return out + "\n"
    }
}
