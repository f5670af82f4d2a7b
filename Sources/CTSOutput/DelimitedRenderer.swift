import CTSDomain

/// The `csv` and `tsv` formats: a header row of the column names exactly as given, then one
/// line per row, every line ending in LF. No title, notes or row count.
///
/// Values are written as `Value.description`: numbers in shortest form, dates ISO, enum words
/// lowercase, booleans `yes`/`no`, references as their id, nothing as an empty field.
///
/// csv follows RFC 4180 (with LF line ends): a field is quoted only when it contains a comma,
/// a double quote, CR or LF, and quotes inside it are doubled. A record of a single empty
/// field is written `""`, so that it does not read back as a blank line.
///
/// tsv cannot quote, so a field that contains a tab, CR or LF is escaped instead: tab as
/// `\t`, CR as `\r`, LF as `\n`, and, in that same field, a backslash as `\\` so the escapes
/// can be undone. Fields without tab, CR or LF are written exactly as stored, backslashes and
/// all (so `C:\tmp` stays `C:\tmp`; a reader should unescape only fields it knows were escaped,
/// which is the usual trade-off of `text/tab-separated-values`).
///
///     id,name,hours
///     c1,"Li, Wei",7.5
enum DelimitedRenderer {
    enum Style {
        case csv, tsv
    }

    /// The header (unless `spec.headers` is off), then one record per row, each written as it
    /// is made.
    static func write(_ table: ResultTable, _ spec: OutputSpec, style: Style, to out: inout some TextOutputStream) {
        if spec.headers { out.write(record(table.columns, style: style)) }
        for row in table.rows {
            out.write(record(table.columns.indices.map { Renderer.text(Renderer.cell(row, $0), spec) }, style: style))
        }
    }

    static func record(_ fields: [String], style: Style) -> String {
        switch style {
        case .csv:
            if fields.count == 1 && fields[0].isEmpty { return "\"\"\n" }
            return fields.map(csvField).joined(separator: ",") + "\n"
        case .tsv:
            return fields.map(tsvField).joined(separator: "\t") + "\n"
        }
    }

    static func csvField(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }

    static func tsvField(_ text: String) -> String {
        let needsEscapes = text.unicodeScalars.contains { $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard needsEscapes else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

extension String {
    /// The string with each `"` doubled, as RFC 4180 wants inside a quoted field.
    fileprivate func replacingQuotes() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append(scalar) }
        }
        return String(out)
    }
}
