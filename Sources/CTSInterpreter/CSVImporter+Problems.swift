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
    // Encodings (Transcoder), for CSV and JSON alike
    /// `bytes` (at most 4) are no text in the encoding named.
    case notInEncoding(String, bytes: [UInt8])
    case endsInsideCharacter(String)
    case encodingUnavailable(String, reason: String)
    // JSON syntax (JSONRecordReader)
    case jsonNotAnArray
    case jsonNotAnObject(Int, found: String)
    case jsonExpected(String)
    case jsonUnexpectedEnd(expected: String)
    case jsonUnclosedString
    case jsonControlInString
    case jsonBadEscape
    case jsonTooDeep(Int)
    case jsonTextAfterArray
    case objectTooLong(maxBytes: Int)
    // JSON objects (CSVImporter+JSON)
    /// An object or array as the value of a key.
    case jsonNested(key: String, array: Bool)
    case jsonKeyTwice(String)
    // Header and rows (CSVImporter)
    case emptyFile(EntityKind)
    case unnamedColumn(Int, EntityKind)
    /// `written` is the cell as written (trimmed); the suggestion is the closest field.
    case noSuchColumn(EntityKind, String, suggestion: String?)
    /// Several columns that are no field (one alone is ``noSuchColumn``).
    case noSuchColumns(EntityKind, [String])
    case columnNamedTwice(String, first: Int, second: Int)
    /// A header of one column holding `;` or tabs, read with commas: `delimiter=` is its word.
    case otherDelimiter(String)
    case missingColumn(String, EntityKind)
    case fieldCount(Int, columns: Int)
    /// A required field's cell left empty (the domain's `missingField`, said of a cell).
    case emptyCell(String, EntityKind)
    /// A row whose record (its id, or its pair of references) is in the session or an earlier row.
    case recordExists(EntityKind, String)
    /// A required field's key with null or "" (JSON), or without the key.
    case emptyValue(String, EntityKind)
    case missingKey(String, EntityKind)

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
        case .notUTF8:
            "this field is not UTF-8 text; save the file as UTF-8, or name its encoding: "
                + "encoding=gb18030 (what Chinese Excel saves as CSV) or encoding=utf-16"
        case .rowTooLong(let maxBytes):
            "this row is longer than 1 MiB (\(maxBytes) bytes), the most a row may hold; is a quote never closed?"
        case .notInEncoding(let encoding, let bytes):
            "the bytes \(bytes.map { "0x" + Self.hex($0) }.joined(separator: " ")) here are not \(encoding) text; "
                + "if the file is in another encoding, name it: encoding=\(TextEncoding.allCases.map(\.rawValue).joined(separator: "|"))"
        case .endsInsideCharacter(let encoding):
            "the file ends in the middle of a \(encoding) character; is it cut short, or in another encoding?"
        case .encodingUnavailable(let encoding, let reason):
            "cannot read \(encoding) text on this system: \(reason)"
        case .jsonNotAnArray:
            "a JSON file to import must hold one array of objects, one per record: [{\"id\": ...}, ...]"
        case .jsonNotAnObject(let index, let found):
            "item \(index) of the array is \(found), not an object; each item must be one record: {\"id\": ...}"
        case .jsonExpected(let what): "this is not JSON: expected \(what)"
        case .jsonUnexpectedEnd(let expected): "the JSON ends too soon: expected \(expected)"
        case .jsonUnclosedString: "this string is never closed: a \" is missing"
        case .jsonControlInString: "a control character inside a JSON string; write it escaped (\\n, \\t, \\u0001)"
        case .jsonBadEscape: "not a JSON escape; a backslash starts \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"
        case .jsonTooDeep(let depth): "values nest more than \(depth) deep here"
        case .jsonTextAfterArray: "text after the end of the array; the file must hold one array"
        case .objectTooLong(let maxBytes):
            "this object is longer than 1 MiB (\(maxBytes) bytes), the most a record may hold; is a quote never closed?"
        case .jsonNested(let key, let array):
            "the value of '\(key)' is \(array ? "an array" : "an object"); a field takes one value: "
                + "a string, a number, true, false or null"
        case .jsonKeyTwice(let key): "key '\(key)' appears twice in this object"
        case .emptyFile(let kind):
            "the file is empty; its first line must name the columns: " + kind.fields.map(\.name).joined(separator: ",")
        case .unnamedColumn(let index, let kind):
            "column \(index) has no name; the columns of \(kind.plural) are "
                + kind.fields.map(\.name).joined(separator: ", ")
        case .recordExists(let kind, let id):
            "\(kind.singular) \(id) is already in the session or in a row above; an import only adds new records"
        case .noSuchColumn(let kind, let written, let suggestion):
            "\(kind.plural) have no field '\(written)'"
                + Suggestion.hint(
                    suggestion,
                    otherwise: "; leave it out with extra=ignore, or use fields of \(kind.plural): "
                        + kind.fields.map(\.name).joined(separator: ", "))
        case .noSuchColumns(let kind, let written):
            "\(kind.plural) have no fields " + written.map { "'\($0)'" }.joined(separator: ", ")
                + "; leave them out with extra=ignore, or use fields of \(kind.plural): "
                + kind.fields.map(\.name).joined(separator: ", ")
        case .otherDelimiter(let delimiter):
            "the header is one column; its fields seem to be separated by \(delimiter == "tab" ? "tabs" : delimiter), "
                + "not commas: import with delimiter=\(delimiter)"
        case .columnNamedTwice(let name, let first, let second):
            "column '\(name)' is named twice (columns \(first) and \(second))"
        case .missingColumn(let field, let kind): "there is no column '\(field)', which every \(kind.singular) needs"
        case .emptyCell(let field, let kind): "the '\(field)' cell is empty, but every \(kind.singular) needs one"
        case .emptyValue(let field, let kind): "'\(field)' has no value here, but every \(kind.singular) needs one"
        case .missingKey(let field, let kind): "this object has no '\(field)', which every \(kind.singular) needs"
        case .fieldCount(let fields, let columns):
            "this row has \(fields) field\(fields == 1 ? "" : "s") "
                + "but the header names \(columns) column\(columns == 1 ? "" : "s")"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
