/// The formats a result table can be rendered in (spec §3, "Queries": `as table|csv|tsv|json|markdown`,
/// and `ndjson`, which cts adds). Their names, in this order, are `CommandTable.outputFormats`,
/// which the parser, `set format`, `help formats` and the docs use.
///
/// `table` and `markdown` are for people: they show the title, and `table` the row count and notes.
/// `csv`, `tsv`, `json` and `ndjson` are for programs: exactly the columns and rows, nothing else.
/// `ndjson` is one json object per line, so that `>>` can append to it (a json array cannot
/// grow by appending).
///
///     OutputFormat(rawValue: "csv")   // .csv
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, ndjson, markdown
}
