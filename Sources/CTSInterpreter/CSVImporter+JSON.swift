import CTSDomain

/// `import COLLECTION from "FILE.json"`: the objects of a JSON array, each checked and added
/// like a CSV row, all or nothing, every bad object reported (the first 20).
///
/// Each object's keys are field names (any case); a string, a number or `true`/`false` is read
/// as the text of a CSV cell would be (`"born": 1970` as `born` `1970`), `null` or a missing key
/// leaves the field out. A key that is no field is an error naming it (unless `extra=ignore`),
/// and so is an object or an array as a value. Errors are placed on the key or value at fault,
/// or on the object's `{`:
///
///     cadres.json:7:15: error: unknown rank 'countyy' (did you mean 'county'?)
extension CSVImporter {
    /// Reads every object from `reader`; all or nothing.
    public mutating func run(_ reader: inout JSONRecordReader, progress: (Int) -> Void = { _ in }) throws -> ChangeSet {
        // A file of one long line says little by its line: the index says which object.
        try importEach(
            next: { try reader.next() },
            add: { (importer: inout CSVImporter, object) throws(CSVImportError) in try importer.importObject(object) },
            note: { "in object \($0.index) of the array" }, recordNoun: "object", progress: progress)
    }

    /// Checks one object and adds its record.
    public mutating func importObject(_ object: JSONRecord) throws(CSVImportError) {
        var values: [String: Value] = [:]
        var fieldAt: [String: JSONField] = [:]
        var unknown: [JSONField] = []
        for field in object.fields {
            let name = Self.trimmed(field.key).lowercased()
            guard kind.field(named: name) != nil else {
                unknown.append(field)
                continue
            }
            if fieldAt[name] != nil { throw keyError(CSVProblem.jsonKeyTwice(field.key), field, object) }
            fieldAt[name] = field
            switch field.value {
            case .null: break
            case .text(let text): if !text.isEmpty { values[name] = .text(text) }
            case .nested(let array):
                throw valueError(CSVProblem.jsonNested(key: field.key, array: array), field, object)
            }
        }
        if !ignoresExtraColumns, let first = unknown.first {
            if unknown.count == 1 {
                let suggestion = Suggestion.closest(to: first.key.lowercased(), in: kind.fields.map(\.name))
                throw keyError(CSVProblem.noSuchColumn(kind, first.key, suggestion: suggestion), first, object)
            }
            throw keyError(CSVProblem.noSuchColumns(kind, unknown.map(\.key)), first, object)
        }
        do {
            try add(values)
        } catch let e {
            if let name = e.field, let field = fieldAt[name] {
                // A key with null, or an empty string.
                if case .missingField(let kind, let name) = e.kind {
                    throw valueError(CSVProblem.emptyValue(name, kind), field, object)
                }
                throw valueError(e, field, object)
            }
            let problem: any Problem
            if case .missingField(let kind, let name) = e.kind {
                problem = CSVProblem.missingKey(name, kind)
            } else {
                problem = e
            }
            throw CSVImportError(
                problem, line: object.line, column: object.column, lineText: object.text(ofLine: object.line))
        }
        rowCount += 1
    }

    private func keyError(_ problem: some Problem, _ field: JSONField, _ object: JSONRecord) -> CSVImportError {
        CSVImportError(
            problem, line: field.keyLine, column: field.keyColumn, width: field.keyWidth,
            lineText: object.text(ofLine: field.keyLine))
    }

    private func valueError(_ problem: some Problem, _ field: JSONField, _ object: JSONRecord) -> CSVImportError {
        CSVImportError(
            problem, line: field.line, column: field.column, width: field.width,
            lineText: object.text(ofLine: field.line))
    }
}
