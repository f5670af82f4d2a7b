/// The formats a result table can be shown in (spec §3, "Queries": `as table|csv|tsv|json|markdown`,
/// and `ndjson`, which cts adds): the one declaration of their names, order and traits.
///
/// Everything else reads this list: the parser's message after `as`, `set format`, `help
/// formats`, completion and the docs (through `CommandTable.outputFormats`), `export`'s choice
/// (the formats whose traits say `exportable`), the `>>` append rules (``Traits/appending``),
/// and CTSOutput's registry of writers (`Renderer.write`), whose exhaustive switch makes a new
/// case impossible to forget. It lives in the domain, below the language, because the parser,
/// the interpreter and the renderers all need it and CTSLanguage cannot import CTSOutput.
///
/// `table`, `markdown`, `chart` and `html` are for people: they show the title, and `table`,
/// `chart` and `html` the notes (`html` is one standalone page, charts in SVG included). `csv`, `tsv`, `json` and `ndjson` are for programs: exactly the columns and rows.
///
///     OutputFormat(rawValue: "csv")          // .csv
///     OutputFormat.json.traits.appending     // .refused
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, ndjson, markdown, chart, html, xlsx

    /// What a format is for and how its files grow: the facts the parser, `export` and `>>` read.
    public struct Traits: Equatable, Sendable {
        /// Who reads the output: people (title, notes, aligned) or programs (columns and rows only).
        public enum Audience: Sendable { case people, programs }

        /// What `>> FILE` does with a file of this format that already has content.
        public enum Appending: Sendable {
            /// Add the whole result, title and header included (formats for people).
            case wholeResults
            /// Add rows only, and only under a first line equal to this result's header.
            case rowsUnderHeader
            /// Add the result as it is: the format is a sequence of lines (ndjson).
            case lines
            /// Refuse: the file is one document that cannot grow (a json array).
            case refused
            /// Write the whole result into a file that is missing or empty; refuse onto one with
            /// content: the file is one finished document (an html page ends in `</html>`).
            case onlyIntoEmpty
        }

        public var audience: Audience
        public var appending: Appending
        /// Whether `export COLLECTION to FILE as NAME` writes it.
        public var exportable: Bool
    }

    /// This format's traits: one row per format, the table the rest of cts reads.
    public var traits: Traits {
        switch self {
        case .table: Traits(audience: .people, appending: .wholeResults, exportable: false)
        case .csv: Traits(audience: .programs, appending: .rowsUnderHeader, exportable: true)
        case .tsv: Traits(audience: .programs, appending: .rowsUnderHeader, exportable: false)
        case .json: Traits(audience: .programs, appending: .refused, exportable: true)
        case .ndjson: Traits(audience: .programs, appending: .lines, exportable: true)
        case .markdown: Traits(audience: .people, appending: .wholeResults, exportable: false)
        case .chart: Traits(audience: .people, appending: .wholeResults, exportable: false)
        // Not exportable: export moves whole collections between programs, a page is for
        // reading (and sizing its columns needs every row in memory, as for table).
        case .html: Traits(audience: .people, appending: .onlyIntoEmpty, exportable: false)
        // A workbook is a zip file, not text: only a file (`> F.xlsx`, `export … to F.xlsx`).
        case .xlsx: Traits(audience: .programs, appending: .refused, exportable: true)
        }
    }

    /// The file name endings that choose this format for `> FILE` and `export … to FILE` when
    /// no `as` names one (matched without regard to case).
    public var fileExtensions: [String] {
        switch self {
        case .table: ["txt"]
        case .csv: ["csv"]
        case .tsv: ["tsv", "tab"]
        case .json: ["json"]
        case .ndjson: ["ndjson", "jsonl"]
        case .markdown: ["md", "markdown"]
        case .chart: []
        case .html: ["html", "htm"]
        case .xlsx: ["xlsx"]
        }
    }

    /// The format a file's name ends in (`out/cadres.JSON`: json); nil for any other ending.
    public init?(fileName: String) {
        let base = fileName.split(separator: "/").last ?? ""
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let ending = base[base.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ending) }) else { return nil }
        self = format
    }

    /// The names of every format, in the order help and the docs list them.
    public static let names = allCases.map(\.rawValue)

    /// Whether the format draws only results that say how (``ResultTable/chart``): `chart`,
    /// which `as` accepts on grouped results and `set format` does not offer.
    public var needsChartShape: Bool { self == .chart }

    /// Whether the format is text, which the screen can show; a workbook (`xlsx`) is written
    /// only to files.
    public var isText: Bool { self != .xlsx }

    /// The formats `set format` offers: those that can show any result on the screen.
    public static let sessionNames = allCases.filter { !$0.needsChartShape && $0.isText }.map(\.rawValue)
}

/// A format name written in code (`"csv"`) is that format; an unknown literal is a bug.
extension OutputFormat: ExpressibleByStringLiteral {
    public init(stringLiteral name: String) {
        guard let format = OutputFormat(rawValue: name) else { preconditionFailure("no output format '\(name)'") }
        self = format
    }
}
