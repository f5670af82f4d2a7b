import CTSDomain

/// The `html` format: one standalone page that a reader opens in a browser, mails on, or
/// prints on A4. Everything is inside the file (no fonts, images, scripts or style sheets to
/// fetch), so the page still reads the same in a year, offline, in a mail attachment.
///
/// The page is HTML5 written so that an XML parser also accepts it (every element closed,
/// only the five entities XML knows), which lets the tests check its structure with XPath.
/// In order: the title as a heading (and the window's `<title>`), the chart of a grouped
/// result as inline SVG (``SVGChart``: bars, or for `report budget` one small line per unit
/// and series), the table, the row count and the notes.
///
/// The table shows what the `table` format shows: the readable numbers of
/// ``TableRenderer/readable(_:)``, numeric columns right-aligned, absent values as
/// `spec.nullText`, control characters escaped as `\n` or `\u{1B}`. Printing repeats the
/// header on each page (`thead`), never cuts a row in two, and keeps the chart whole. The
/// font stack names a CJK font before the generic one, so Chinese prints as glyphs.
///
///     <tr><td>c1</td><td>Li Wei</td><td class="num">390</td></tr>
enum HTMLRenderer {
    static func write(_ table: ResultTable, _ spec: OutputSpec, to out: inout some TextOutputStream) {
        let title = table.title ?? "cts: " + table.columns.joined(separator: ", ")
        out.write(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="cts"/>
            <title>\(escaped(title))</title>
            <style>
            \(style)</style>
            </head>
            <body>

            """)
        if let title = table.title { out.write("<h1>\(escaped(title))</h1>\n") }
        if let shape = table.chart, !table.rows.isEmpty {
            SVGChart.write(table, shape, spec, to: &out)
        }
        writeTable(table, spec, to: &out)
        out.write("<p class=\"count\">\(table.rows.count == 1 ? "(1 row)" : "(\(table.rows.count) rows)")</p>\n")
        for note in table.notes { out.write("<p class=\"note\">\(escaped(note))</p>\n") }
        out.write("</body>\n</html>\n")
    }

    /// The result as a `<table>`, a row at a time; numeric cells get the class `num`.
    static func writeTable(_ table: ResultTable, _ spec: OutputSpec, to out: inout some TextOutputStream) {
        guard !table.columns.isEmpty else { return }
        let numeric = table.numericColumns
        func cell(_ tag: String, _ c: Int, _ text: String) -> String {
            let attribute = numeric.contains(c) ? " class=\"num\"" : ""
            return "<\(tag)\(attribute)>\(escaped(text))</\(tag)>"
        }
        out.write("<table>\n")
        if spec.headers {
            let names = table.columns.enumerated().map { cell("th", $0, $1) }
            out.write("<thead>\n<tr>" + names.joined() + "</tr>\n</thead>\n")
        }
        out.write("<tbody>\n")
        for row in table.rows {
            let cells = table.columns.indices.map { c in cell("td", c, shown(Renderer.cell(row, c), spec)) }
            out.write("<tr>" + cells.joined() + "</tr>\n")
        }
        out.write("</tbody>\n</table>\n")
    }

    /// A value as the table format shows it: numbers readable, nothing as `spec.nullText`.
    static func shown(_ value: Value, _ spec: OutputSpec) -> String {
        if case .null = value { return spec.nullText }
        return TableRenderer.readable(value)
    }

    /// `text` safe anywhere in the page, in element text and in quoted attributes alike:
    /// control characters (which XML forbids and a browser would drop) and the noncharacters
    /// U+FFFE and U+FFFF made visible, then `& < > " '` written as entities.
    static func escaped(_ text: String) -> String {
        var visible = TerminalText.escaped(text, formats: false)
        if visible.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            visible = visible.replacing("\u{FFFE}", with: "\\u{FFFE}").replacing("\u{FFFF}", with: "\\u{FFFF}")
        }
        guard visible.contains(where: { "&<>\"'".contains($0) }) else { return visible }
        var out = ""
        out.reserveCapacity(visible.utf8.count + 16)
        for c in visible {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The page's style sheet: readable on screen, and on paper an A4 page with 15 mm margins,
    /// the header repeated on each page, rows and the chart never cut. No `<` or `&` in it.
    static let style = """
        body { font-family: "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC",
          "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 11pt; line-height: 1.4; color: #111;
          margin: 2em auto; max-width: 60em; padding: 0 1em; }
        h1 { font-size: 15pt; margin: 0 0 0.8em; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.25em 0.7em; text-align: left; vertical-align: baseline; }
        th { border-bottom: 2px solid #555; background: #f2f2f2; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        p.count { color: #555; margin: 0.3em 0; }
        p.note { margin: 0.3em 0; }
        figure.chart { margin: 0 0 1.2em; }
        figure.chart figcaption { color: #555; font-size: 9pt; margin-bottom: 0.3em; }
        svg text { font-size: 12px; fill: #111; }
        svg .head { font-weight: bold; }
        svg .bar { fill: #3b6ea5; }
        svg .axis { stroke: #555; stroke-width: 1; }
        svg .grid { stroke: #ddd; stroke-width: 1; }
        svg .tick { fill: #555; font-size: 10px; }
        svg .line { fill: none; stroke: #3b6ea5; stroke-width: 1.5; }
        svg .point { fill: #3b6ea5; }
        table.sparklines td { border: none; padding: 0.1em 0.7em; vertical-align: middle; }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          thead { display: table-header-group; }
          tr, figure.chart { break-inside: avoid; page-break-inside: avoid; }
          th { background: none; }
        }

        """
}
