/// How one result is to be written: the format and the options every writer honours, resolved
/// once when the command is bound (`as csv`, or the session's `set format`), so that nothing
/// after the interpreter chooses a format or falls back to one.
///
/// `headers` off writes no header row (csv, tsv, table, markdown): what `>>` under a matching
/// csv header appends. `nullText` is how an absent value reads in the text formats (table, csv,
/// tsv, markdown); json and ndjson always write `null`. The defaults are what cts has always
/// written; no command sets the last two yet (a `set null` would be one line in `set`).
///
///     let spec: OutputSpec = "csv"                 // csv, with a header, nothing as ""
///     OutputSpec(.table, nullText: "∅")
public struct OutputSpec: Equatable, Sendable {
    public var format: OutputFormat
    public var headers: Bool
    public var nullText: String
    /// The columns a writer may fill (the terminal's width); nil: 80.
    public var width: Int?

    public init(_ format: OutputFormat, headers: Bool = true, nullText: String = "", width: Int? = nil) {
        self.format = format
        self.headers = headers
        self.nullText = nullText
        self.width = width
    }
}

/// `"csv"` in code is the csv format with its defaults (see ``OutputFormat``'s literal).
extension OutputSpec: ExpressibleByStringLiteral {
    public init(stringLiteral name: String) { self.init(OutputFormat(stringLiteral: name)) }
}
