import CTSDomain

/// The `json` format: an array with one object per row, keys in column order.
///
/// Written by hand rather than with `JSONEncoder`, because the keys must keep the column order
/// and numbers must use the same shortest form as the other formats. Two-space indent. Values:
/// nothing is `null`, numbers are numbers (`390`, `7.5`, `32000000000`; NaN and infinities,
/// which JSON cannot express, are `null`), booleans `true`/`false`, lists arrays, and everything
/// else a string (dates ISO, enum words lowercase, references their id, periods `2008..2012`).
/// Strings escape `"`, `\` and control characters; other text stays UTF-8.
///
///     [
///       {
///         "id": "c1",
///         "hours": 7.5
///       }
///     ]
enum JSONRenderer {
    /// The array, one object at a time.
    static func write(_ table: ResultTable, to out: inout some TextOutputStream) {
        write(pieces: CollectionOfOne(table), to: &out)
    }

    /// One array of the rows of every piece, in order (an export written a piece at a time).
    static func write(pieces: some Sequence<ResultTable>, to out: inout some TextOutputStream) {
        var first = true
        for table in pieces {
            let keys = table.columns.map(string)
            for row in table.rows {
                out.write(first ? "[\n" : ",\n")
                first = false
                guard !keys.isEmpty else {
                    out.write("  {}")
                    continue
                }
                let members = keys.indices.map { "    \(keys[$0]): \(value(Renderer.cell(row, $0)))" }
                out.write("  {\n" + members.joined(separator: ",\n") + "\n  }")
            }
        }
        out.write(first ? "[]\n" : "\n]\n")
    }

    /// The `ndjson` format (ndjson.org): the same objects as `json`, one per line, without
    /// spaces (as `jq -c` writes them) and without an enclosing array, so that files of them
    /// can be appended to and read a line at a time. No rows: no lines.
    ///
    ///     {"id":"c1","hours":7.5}
    static func writeLines(_ table: ResultTable, to out: inout some TextOutputStream) {
        let keys = table.columns.map(string)
        for row in table.rows {
            let members = keys.indices.map { keys[$0] + ":" + value(Renderer.cell(row, $0)) }
            out.write("{" + members.joined(separator: ",") + "}\n")
        }
    }

    /// One value as JSON text, on a single line.
    static func value(_ v: Value) -> String {
        switch v {
        case .null: "null"
        case .number(let n): n.isFinite ? n.description : "null"
        case .bool(let b): b ? "true" : "false"
        case .list(let items): "[" + items.map(value).joined(separator: ", ") + "]"
        default: string(v.description)
        }
    }

    /// A JSON string literal (``JSONString/literal(_:)``).
    static func string(_ text: String) -> String { JSONString.literal(text) }
}
