import CTSDomain

/// Turns a `ResultTable` into text in one of the output formats of spec §3.
///
/// Every result ends with a newline. `table` and `markdown` are for reading: they escape
/// control characters, measure by display width and show the title (and, for `table`, the
/// row count and notes). `csv`, `tsv` and `json` are exact and carry only columns and rows.
/// `colorize` only affects `table` (bold header names); without it no escape byte is written.
///
///     let t = ResultTable(columns: ["id", "hours"], rows: [[.text("c1"), .number(7.5)]])
///     Renderer.render(t, as: .csv)   // "id,hours\nc1,7.5\n"
public enum Renderer {
    /// `table` rendered as `format`; the text ends with "\n".
    public static func render(_ table: ResultTable, as format: OutputFormat, colorize: Bool = false) -> String {
        switch format {
        case .table: TableRenderer.render(table, colorize: colorize)
        case .csv: DelimitedRenderer.render(table, style: .csv)
        case .tsv: DelimitedRenderer.render(table, style: .tsv)
        case .json: JSONRenderer.render(table)
        case .markdown: MarkdownRenderer.render(table)
        }
    }

    /// The value in `column` of `row`, or `.null` when the row is shorter than the header.
    static func cell(_ row: [Value], _ column: Int) -> Value {
        column < row.count ? row[column] : .null
    }
}
