// Reading fields generically (for queries and output) and building records from field values
// (for `add`, `set` and CSV import): one conversion path from a typed-in value to a field.

extension Session {
    /// The value of field number `field` (an index into `kind.fields`) of the record in `slot`.
    public func value(_ kind: EntityKind, _ slot: Int, field: Int) -> Value {
        guard let record = record(kind, slot) else { return .null }
        return value(of: record, field: kind.fields[field].name)
    }

    /// The value of a named field of a record; references come back as `.ref(kind, id)`.
    public func value(of record: Record, field: String) -> Value {
        record.kind.declaration.value(of: record, field: field, in: self)
    }

    /// A record's id, or its key written out with `naming` for the records it refers to.
    public func name(of record: Record, naming: (EntityKind, Int) -> String) -> String {
        record.kind.declaration.name(of: record, naming: naming)
    }

    /// The slot of an id, or a domain error naming the closest id ("did you mean").
    public func resolve(_ kind: EntityKind, id: String, field: String? = nil) throws(DomainError) -> Int {
        if let slot = slot(kind, id: id) { return slot }
        let suggestion = ids(kind).flatMap { Suggestion.closest(to: id, in: $0) }
        throw DomainError(.unknownID(kind, id: id, suggestion: suggestion), field: field)
    }

    /// ` (did you mean 'x'?)` for the id closest to `word`, or an empty string.
    public func suggestion(_ kind: EntityKind, near word: String) -> String {
        guard let ids = ids(kind) else { return "" }
        return Suggestion.hint(for: word, in: ids)
    }
}
