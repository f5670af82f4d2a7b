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
        switch record {
        case .unit(let u):
            switch field {
            case "id": return .text(u.id)
            case "name": return .text(u.name)
            case "kind": return .enumeration(u.kind.enumValue)
            case "level": return .enumeration(u.level.enumValue)
            case "parent": return ref(.unit, u.parent)
            default: return .null
            }
        case .cadre(let c):
            switch field {
            case "id": return .text(c.id)
            case "name": return .text(c.name)
            case "unit": return ref(.unit, c.unit)
            case "rank": return .enumeration(c.rank.enumValue)
            case "category": return .enumeration(c.category.enumValue)
            case "born": return c.born.map { .number(Number($0)) } ?? .null
            case "status": return .enumeration(c.status.enumValue)
            default: return .null
            }
        case .course(let c):
            switch field {
            case "id": return .text(c.id)
            case "title": return .text(c.title)
            case "kind": return .enumeration(c.kind.enumValue)
            case "provider": return ref(.unit, c.provider)
            case "organizer": return ref(.unit, c.organizer)
            case "start": return .date(c.start)
            case "end": return .date(c.end)
            case "hours": return .number(c.hours)
            case "capacity": return c.capacity.map { .number(Number($0)) } ?? .null
            default: return .null
            }
        case .enrollment(let e):
            switch field {
            case "cadre": return ref(.cadre, Int(e.cadre))
            case "course": return ref(.course, Int(e.course))
            case "status": return .enumeration(e.status.enumValue)
            case "hours": return e.hours.map(Value.number) ?? .null
            case "date": return e.date.map(Value.date) ?? .null
            default: return .null
            }
        case .rule(let r):
            switch field {
            case "id": return .text(r.id)
            case "title": return .text(r.title)
            case "for": return .text(r.condition)
            case "period": return .period(r.period)
            case "hours": return .number(r.hours)
            case "kinds": return r.kinds.map { .list($0.map { .enumeration($0.enumValue) }) } ?? .null
            default: return .null
            }
        case .exemption(let x):
            switch field {
            case "cadre": return ref(.cadre, x.cadre)
            case "rule": return ref(.rule, x.rule)
            case "reason": return .text(x.reason)
            default: return .null
            }
        case .budget(let b):
            switch field {
            case "unit": return ref(.unit, b.unit)
            case "year": return .number(Number(b.year))
            case "funds": return .number(b.funds)
            case "revenue": return .number(b.revenue)
            case "spent": return b.spent.map(Value.number) ?? .null
            default: return .null
            }
        case .plan(let p):
            switch field {
            case "unit": return ref(.unit, p.unit)
            case "year": return .number(Number(p.year))
            case "participants": return .number(Number(p.participants))
            case "hours": return .number(p.hours)
            default: return .null
            }
        case .inspection(let i):
            switch field {
            case "id": return .text(i.id)
            case "by": return ref(.unit, i.by)
            case "unit": return ref(.unit, i.unit)
            case "date": return .date(i.date)
            case "scope": return i.scope.map(Value.text) ?? .null
            default: return .null
            }
        case .finding(let f):
            switch field {
            case "id": return .text(f.id)
            case "inspection": return ref(.inspection, f.inspection)
            case "text": return .text(f.text)
            case "severity": return .enumeration(f.severity.enumValue)
            case "due": return .date(f.due)
            case "status": return .enumeration(f.status.enumValue)
            case "resolved": return f.resolved.map(Value.date) ?? .null
            default: return .null
            }
        case .practice(let p):
            switch field {
            case "id": return .text(p.id)
            case "unit": return ref(.unit, p.unit)
            case "text": return .text(p.text)
            case "year": return .number(Number(p.year))
            case "promoted": return .bool(p.promoted)
            default: return .null
            }
        }
    }

    /// The id that names a record: its own id, or its key written out (`c1 in k1`, `nj.fin 2009`).
    public func name(of kind: EntityKind, _ slot: Int) -> String {
        switch record(kind, slot) {
        case .unit(let r)?: r.id
        case .cadre(let r)?: r.id
        case .course(let r)?: r.id
        case .rule(let r)?: r.id
        case .inspection(let r)?: r.id
        case .finding(let r)?: r.id
        case .practice(let r)?: r.id
        case .enrollment(let e)?: "\(name(of: .cadre, Int(e.cadre))) in \(name(of: .course, Int(e.course)))"
        case .exemption(let x)?: "\(name(of: .cadre, x.cadre)) from \(name(of: .rule, x.rule))"
        case .budget(let b)?: "\(name(of: .unit, b.unit)) \(b.year)"
        case .plan(let p)?: "\(name(of: .unit, p.unit)) \(p.year)"
        case nil: "?"
        }
    }

    private func ref(_ kind: EntityKind, _ slot: Int?) -> Value {
        guard let slot else { return .null }
        return .ref(kind, name(of: kind, slot))
    }

    /// The slot of an id, or a domain error naming the closest id ("did you mean").
    public func resolve(_ kind: EntityKind, id: String, field: String? = nil) throws(DomainError) -> Int {
        if let slot = slot(kind, id: id) { return slot }
        throw DomainError("unknown \(kind.singular) '\(id)'\(suggestion(kind, near: id))", field: field)
    }

    /// ` (did you mean 'x'?)` for the id closest to `word`, or an empty string.
    public func suggestion(_ kind: EntityKind, near word: String) -> String {
        guard let ids = ids(kind) else { return "" }
        return Suggestion.hint(for: word, in: ids)
    }
}
