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
    static func render(_ table: ResultTable) -> String {
        let numeric = table.numericColumns
        let header = table.columns.map(escaped)
        let body = table.rows.map { row in
            table.columns.indices.map { escaped(Renderer.cell(row, $0).description) }
        }
        var widths = header.map { max(3, DisplayWidth.of($0)) }
        for row in body {
            for (c, text) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(text)) }
        }

        var blocks: [String] = []
        if let title = table.title { blocks.append("**" + escaped(title) + "**\n") }
        if !header.isEmpty {
            var lines = line(header, widths: widths, numeric: numeric)
            let rule = widths.indices.map { c in
                numeric.contains(c)
                    ? String(repeating: "-", count: widths[c] - 1) + ":"
                    : String(repeating: "-", count: widths[c])
            }
            lines += "| " + rule.joined(separator: " | ") + " |\n"
            for row in body { lines += line(row, widths: widths, numeric: numeric) }
            blocks.append(lines)
        }
        blocks += table.notes.map { escaped($0) + "\n" }
        return blocks.isEmpty ? "\n" : blocks.joined(separator: "\n")
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
