import CTSDomain

/// What makes a CSV file impossible to import, apart from the rules of the domain (those are
/// `DomainError`s placed on their cell), with the text of each message. The reader raises the
/// syntax cases, the importer the header and row cases.
///
///     cadres.csv:1:9: error: cadres have no field 'nmae' (did you mean 'name'?)
///     // CSVProblem.noSuchColumn(.cadre, "nmae", suggestion: "name")
public enum CSVProblem: Problem {
    // Syntax (CSVReader)
    case unclosedQuote
    case textAfterClosingQuote
    case quoteInsideField
    case notUTF8
    case rowTooLong(maxBytes: Int)
    // Header and rows (CSVImporter)
    case emptyFile(EntityKind)
    case unnamedColumn(Int, EntityKind)
    /// `written` is the cell as written (trimmed); the suggestion is the closest field.
    case noSuchColumn(EntityKind, String, suggestion: String?)
    case columnNamedTwice(String, first: Int, second: Int)
    case missingColumn(String, EntityKind)
    case fieldCount(Int, columns: Int)

    public var phase: Phase { .running }

    public var message: String {
        switch self {
        case .unclosedQuote: "this quoted field is never closed: a \" is missing"
        case .textAfterClosingQuote:
            "unexpected text after the closing quote of a field; a field that is quoted "
                + "must be quoted as a whole, with its quotes doubled"
        case .quoteInsideField:
            "a quote inside a field that does not start with one; quote the whole field "
                + "and double the quote: \"a \"\"b\"\" c\""
        case .notUTF8: "this field is not UTF-8 text; save the file as UTF-8"
        case .rowTooLong(let maxBytes):
            "this row is longer than 1 MiB (\(maxBytes) bytes), the most a row may hold; is a quote never closed?"
        case .emptyFile(let kind):
            "the file is empty; its first line must name the columns: " + kind.fields.map(\.name).joined(separator: ",")
        case .unnamedColumn(let index, let kind):
            "column \(index) has no name; the columns of \(kind.plural) are "
                + kind.fields.map(\.name).joined(separator: ", ")
        case .noSuchColumn(let kind, let written, let suggestion):
            "\(kind.plural) have no field '\(written)'"
                + Suggestion.hint(
                    suggestion,
                    otherwise: "; the columns of \(kind.plural) are \(kind.fields.map(\.name).joined(separator: ", "))")
        case .columnNamedTwice(let name, let first, let second):
            "column '\(name)' is named twice (columns \(first) and \(second))"
        case .missingColumn(let field, let kind): "there is no column '\(field)', which every \(kind.singular) needs"
        case .fieldCount(let fields, let columns):
            "this row has \(fields) field\(fields == 1 ? "" : "s") "
                + "but the header names \(columns) column\(columns == 1 ? "" : "s")"
        }
    }
}
