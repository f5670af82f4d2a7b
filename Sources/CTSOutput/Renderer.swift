import CTSDomain

/// Why `>> FILE` refuses to append a result (see ``Renderer/renderForAppend(_:as:firstLine:)``).
public enum AppendRefusal: Error, Equatable {
    /// The format cannot grow by appending (json).
    case notAppendable
    /// The file's header names other columns than the result's.
    case otherColumns(existing: String, new: String)
}

/// Turns a `ResultTable` into text in one of the output formats of spec §3.
///
/// Every result ends with a newline (an `ndjson` result without rows is empty). `table` and `markdown` are for reading: they escape
/// control characters, measure by display width and show the title (and, for `table`, the
/// row count and notes). `csv`, `tsv`, `json` and `ndjson` are exact and carry only columns and rows.
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
        case .ndjson: JSONRenderer.renderLines(table)
        case .markdown: MarkdownRenderer.render(table)
        }
    }

    /// What `>> FILE` adds to a file whose first line is `firstLine` (nil: the file is missing
    /// or empty), so that the file stays one valid document of its format.
    ///
    /// csv and tsv onto a file that has a header add rows only, and only under the same header
    /// (the same columns in the same order); json is refused, since a second array after the
    /// first is not json (ndjson appends as it is). table and markdown, for people, append
    /// whole results, each with its own title and header.
    public static func renderForAppend(_ table: ResultTable, as format: OutputFormat,
                                       firstLine: String?) -> Result<String, AppendRefusal> {
        let text = render(table, as: format)
        switch format {
        case .json:
            return .failure(.notAppendable)
        case .csv, .tsv:
            guard let firstLine else { return .success(text) }
            let newline = text.firstIndex(of: "\n")!
            let header = String(text[..<newline])
            // A file from a spreadsheet may end its lines in CR LF and start with a BOM.
            var existing = Substring(firstLine)
            if existing.hasSuffix("\r") { existing = existing.dropLast() }
            if existing.hasPrefix("\u{FEFF}") { existing = existing.dropFirst() }
            guard existing == header else { return .failure(.otherColumns(existing: String(existing), new: header)) }
            return .success(String(text[text.index(after: newline)...]))
        case .table, .ndjson, .markdown:
            return .success(text)
        }
    }

    /// The value in `column` of `row`, or `.null` when the row is shorter than the header.
    static func cell(_ row: [Value], _ column: Int) -> Value {
        column < row.count ? row[column] : .null
    }
}
