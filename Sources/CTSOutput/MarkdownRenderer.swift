import CTSDomain

/// The `markdown` format: a GitHub pipe table, padded to display width so it also reads well
/// as plain text.
///
/// The title, if any, comes first as a `**title**` line and a blank line; the notes, if any,
/// come after the table as separate paragraphs (a blank line first, so they are not taken for
/// table rows). There is no row count. Numeric columns are right-aligned (`---:`). In names,
/// values, title and notes `|` is written `\|` and control characters are escaped as in `table`.
///
///     | id  | name   | hours |
///     | --- | ------ | ----: |
///     | c1  | Li Wei |   7.5 |
enum MarkdownRenderer {
    /// The pipe table. Cells are escaped and measured first (the widths need all rows), then
    /// the blocks go to `out` a line at a time. With `headers` off the header and rule lines
    /// are left out (the result is then no longer a GitHub table, only aligned rows).
    static func write(_ table: ResultTable, _ spec: OutputSpec, to out: inout some TextOutputStream) {
        let numeric = table.numericColumns
        let header = table.columns.map(escaped)
        let body = table.rows.map { row in
            table.columns.indices.map { escaped(Renderer.text(Renderer.cell(row, $0), spec)) }
        }
        var widths = header.map { max(3, spec.headers ? DisplayWidth.of($0) : 0) }
        for row in body {
            for (c, text) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(text)) }
        }

        // Blocks are separated by one blank line; nothing at all is a single blank line.
        var blocks = 0
        func startBlock() {
            if blocks > 0 { out.write("\n") }
            blocks += 1
        }
        if let title = table.title {
            startBlock()
            out.write("**" + escaped(title) + "**\n")
        }
        if !header.isEmpty {
            startBlock()
            if spec.headers {
                out.write(line(header, widths: widths, numeric: numeric))
                let rule = widths.indices.map { c in
                    numeric.contains(c)
                        ? String(repeating: "-", count: widths[c] - 1) + ":"
                        : String(repeating: "-", count: widths[c])
                }
                out.write("| " + rule.joined(separator: " | ") + " |\n")
            }
            for row in body { out.write(line(row, widths: widths, numeric: numeric)) }
        }
        for note in table.notes {
            startBlock()
            out.write(escaped(note) + "\n")
        }
        if blocks == 0 { out.write("\n") }
    }

    static func line(_ cells: [String], widths: [Int], numeric: Set<Int>) -> String {
        let padded = cells.enumerated().map { c, text in
            TerminalText.padded(text, to: widths[c], right: numeric.contains(c))
        }
        return "| " + padded.joined(separator: " | ") + " |\n"
    }

    /// Control characters escaped, then `|` as `\|` so it does not end the cell.
    static func escaped(_ text: String) -> String {
        let visible = TerminalText.escaped(text)
        guard visible.contains("|") else { return visible }
        return visible.replacing("|", with: "\\|")
    }
}
