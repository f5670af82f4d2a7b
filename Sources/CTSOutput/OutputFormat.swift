/// The formats a result table can be rendered in (spec §3, "Queries": `as table|csv|tsv|json|markdown`).
///
/// `table` and `markdown` are for people: they show the title, and `table` the row count and notes.
/// `csv`, `tsv` and `json` are for programs: exactly the columns and rows, nothing else.
///
///     OutputFormat(rawValue: "csv")   // .csv
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, markdown
}
