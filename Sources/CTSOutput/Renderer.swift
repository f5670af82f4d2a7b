import CTSDomain

/// Why `>> FILE` refuses to append a result (see ``Renderer/appending(_:_:firstLine:)``).
public enum AppendRefusal: Error, Equatable {
    /// The format cannot grow by appending (json), or not onto content (html).
    case notAppendable
    /// The file's header names other columns than the result's.
    case otherColumns(existing: String, new: String)
}

/// Writes a `ResultTable` in one of the output formats of spec §3, to any text sink.
///
/// This is the registry of writers: ``write(_:_:colorize:to:)`` has one arm per
/// ``OutputFormat`` (the declaration of the names and traits, in CTSDomain), and the compiler
/// refuses a format without one. Writers write to `inout some TextOutputStream` a line or a
/// row at a time, so a file sink (the shell's `FileSink`) holds only a buffer, never the whole
/// text: csv, tsv, json and ndjson stream row by row; `table` and `markdown` measure every
/// cell first to align the columns (they keep the escaped cells of the result, not its text).
///
/// Every result ends with a newline (an `ndjson` result without rows is empty). `table` and
/// `markdown` are for reading: they escape control characters, measure by display width and
/// show the title (and, for `table`, the row count and notes). `csv`, `tsv`, `json` and
/// `ndjson` are exact and carry only columns and rows. `colorize` only affects `table` (bold
/// header names); without it no escape byte is written.
///
///     let t = ResultTable(columns: ["id", "hours"], rows: [[.text("c1"), .number(7.5)]])
///     Renderer.render(t, as: .csv)   // "id,hours\nc1,7.5\n"
///     var file = FileSink(…); Renderer.write(t, "json", to: &file)
public enum Renderer {
    /// Writes `table` to `out` as `spec` says.
    public static func write(
        _ table: ResultTable, _ spec: OutputSpec, colorize: Bool = false,
        to out: inout some TextOutputStream
    ) {
        switch spec.format {
        case .table: TableRenderer.write(table, spec, colorize: colorize, to: &out)
        case .csv: DelimitedRenderer.write(table, spec, style: .csv, to: &out)
        case .tsv: DelimitedRenderer.write(table, spec, style: .tsv, to: &out)
        case .json: JSONRenderer.write(table, to: &out)
        case .ndjson: JSONRenderer.writeLines(table, to: &out)
        case .markdown: MarkdownRenderer.write(table, spec, to: &out)
        case .chart: ChartRenderer.write(table, spec, to: &out)
        case .html: HTMLRenderer.write(table, spec, to: &out)
        case .xlsx: preconditionFailure("a workbook is not text: the shell writes it with XLSXWorkbook")
        }
    }

    /// Writes a result that arrives in pieces (`export` of a million records, a few thousand
    /// at a time) as one result of `spec.format`, holding one piece at a time: csv and tsv write
    /// the header with the first piece only, ndjson joins the lines, and json joins the objects
    /// into one array. `table` and `markdown` size their columns from every row, so they cannot
    /// stream (they are not exportable); given pieces, they write the pieces joined.
    ///
    ///     Renderer.write(pieces: [firstThousand, nextThousand], OutputSpec(.json), to: &file)
    public static func write(
        pieces: some Sequence<ResultTable>, _ spec: OutputSpec, to out: inout some TextOutputStream
    ) {
        switch spec.format {
        case .json: JSONRenderer.write(pieces: pieces, to: &out)
        case .csv, .tsv, .ndjson:
            var spec = spec
            for piece in pieces {
                write(piece, spec, to: &out)
                spec.headers = false
            }
        case .xlsx: preconditionFailure("a workbook is not text: the shell writes it with XLSXWorkbook")
        case .table, .markdown, .chart, .html:
            var joined: ResultTable?
            for piece in pieces {
                if joined == nil { joined = piece } else { joined!.rows += piece.rows }
            }
            if let joined { write(joined, spec, to: &out) }
        }
    }

    /// `table` rendered as `format` into one string; the text ends with "\n". For the screen
    /// and tests; files are written with ``write(_:_:colorize:to:)``.
    public static func render(_ table: ResultTable, as format: OutputFormat, colorize: Bool = false) -> String {
        var text = ""
        write(table, OutputSpec(format), colorize: colorize, to: &text)
        return text
    }

    /// How `>> FILE` writes `table` onto a file whose first line is `firstLine` (nil: the file
    /// is missing or empty), so that the file stays one valid document of its format: the spec
    /// to write with, or why it cannot be appended. Decided by the format's
    /// ``OutputFormat/Traits/appending``.
    ///
    /// csv and tsv onto a file that has a header add rows only (`headers` off), and only under
    /// the same header (the same columns in the same order); json is refused, since a second
    /// array after the first is not json (ndjson appends as it is). table and markdown, for
    /// people, append whole results, each with its own title and header. An html page goes
    /// only into an empty or missing file: a second page after `</html>` is not one page.
    public static func appending(
        _ table: ResultTable, _ spec: OutputSpec,
        firstLine: String?
    ) -> Result<OutputSpec, AppendRefusal> {
        switch spec.format.traits.appending {
        case .refused:
            return .failure(.notAppendable)
        case .onlyIntoEmpty:
            return firstLine == nil ? .success(spec) : .failure(.notAppendable)
        case .rowsUnderHeader:
            guard let firstLine else { return .success(spec) }
            // The header this result would write: the first line of it without rows.
            var header = ""
            write(ResultTable(columns: table.columns), spec, to: &header)
            header = String(header.prefix { $0 != "\n" })
            // A file from a spreadsheet may end its lines in CR LF and start with a BOM.
            var existing = Substring(firstLine)
            if existing.hasSuffix("\r") { existing = existing.dropLast() }
            if existing.hasPrefix("\u{FEFF}") { existing = existing.dropFirst() }
            guard existing == header else { return .failure(.otherColumns(existing: String(existing), new: header)) }
            var rowsOnly = spec
            rowsOnly.headers = false
            return .success(rowsOnly)
        case .wholeResults, .lines:
            return .success(spec)
        }
    }

    /// What `>> FILE` adds to a file whose first line is `firstLine`, as one string (for tests;
    /// the shell streams it with ``appending(_:_:firstLine:)`` and ``write(_:_:colorize:to:)``).
    public static func renderForAppend(
        _ table: ResultTable, as format: OutputFormat,
        firstLine: String?
    ) -> Result<String, AppendRefusal> {
        appending(table, OutputSpec(format), firstLine: firstLine).map { spec in
            var text = ""
            write(table, spec, to: &text)
            return text
        }
    }

    /// The value in `column` of `row`, or `.null` when the row is shorter than the header.
    static func cell(_ row: [Value], _ column: Int) -> Value {
        column < row.count ? row[column] : .null
    }

    /// A cell as text in the text formats: its description, or the spec's text for nothing.
    static func text(_ value: Value, _ spec: OutputSpec) -> String {
        if case .null = value { return spec.nullText }
        return value.description
    }
}
