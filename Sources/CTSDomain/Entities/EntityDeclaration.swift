/// A record type of the session: a typed struct (``Unit``, ``Cadre``, …) with the one
/// declaration of its kind.
///
/// The declaration is the single description of a kind; the session's tables and indexes,
/// field access by name, building records, reference checks, the session file's columns,
/// dump, csv, `show` and completion all read it.
///
///     extension Practice: EntityRecord {
///         public static let declaration = EntityDeclaration<Practice>(
///             .practice, plural: "practices", blank: Practice(id: "", unit: 0, text: "", year: 1),
///             fields: [.id(\.id), .ref("unit", \.unit, to: .unit), .text("text", \.text), ...],
///             record: (Record.practice, { if case .practice(let r) = $0 { r } else { nil } }))
///     }
public protocol EntityRecord: Hashable, Sendable {
    static var declaration: EntityDeclaration<Self> { get }
}

/// How a record is named: by its own `id`, or by two fields written with a joiner between
/// (`c1 in k1`, `nj.fin 2009`), which are then also its key.
public enum EntityKey: Hashable, Sendable {
    case id
    case pair(String, String, joiner: String)
}

/// What `help` and the command table show as an example of a kind's records.
public struct EntityExample: Hashable, Sendable {
    /// An id of the workshop script (`c1`).
    public let id: String
    /// A `set` argument (`rank=bureau`).
    public let set: String

    public init(id: String, set: String) {
        self.id = id
        self.set = set
    }
}

/// The declaration of a kind without its record type, as ``EntityKind/declaration`` gives it.
public protocol AnyEntityDeclaration: AnyObject, Sendable {
    var kind: EntityKind { get }
    var plural: String { get }
    /// The fields a user sees, in spec order.
    var specs: [FieldSpec] { get }
    var key: EntityKey { get }
    var example: EntityExample? { get }
    /// The position of the kind in `EntityKind.allCases`: its table in the session.
    var ordinal: Int { get }
    /// The reverse-indexed reference fields (indexes into `allFields`) and the kinds they name.
    var reverseIndexed: [(field: Int, target: EntityKind)] { get }
    /// Calls `visitor` with the typed declaration.
    func accept<V: EntityVisitor>(_ visitor: inout V) throws -> V.Result

    func makeStore() -> AnyKindStore
    func makeRecord(_ values: FieldValues, in session: Session) throws(DomainError) -> Record
    func value(of record: Record, field: String, in session: Session) -> Value
    /// `new` with the fields a user cannot see taken from `old`.
    func carryingHidden(from old: Record, into new: Record) -> Record
    func check(_ record: Record, in session: Session) throws(DomainError)
    /// The record's key written out, naming referenced records with `name`.
    func name(of record: Record, naming: (EntityKind, Int) -> String) -> String
    func id(of record: Record) -> String?
    /// What to show beside the id of the record in `slot` (completion): a name, title or text.
    func detail(_ slot: Int, in session: Session) -> String?
}

/// Something done with a typed declaration whose type is known only at run time (the store's
/// codec, the completion index).
public protocol EntityVisitor {
    associatedtype Result
    mutating func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) throws -> Result
}

/// The declaration of one kind: see ``EntityRecord``.
public final class EntityDeclaration<R: EntityRecord>: AnyEntityDeclaration, @unchecked Sendable {
    public let kind: EntityKind
    public let plural: String
    /// Every field in the order of the session file's columns: those shown, then those only stored.
    public let allFields: [Field<R>]
    /// The fields a user sees, in spec order.
    public let fields: [Field<R>]
    public let specs: [FieldSpec]
    public let key: EntityKey
    /// A record with every field at some value, which building a record starts from.
    public let blank: R
    public let example: EntityExample?
    /// What to show beside an id in completion (a name, title or text).
    public let detail: ((R, Session) -> String?)?
    /// The position of the kind in `EntityKind.allCases`: its table in the session.
    public let ordinal: Int
    public let reverseIndexed: [(field: Int, target: EntityKind)]
    /// Puts a record struct into a ``Record``.
    public let wrap: (R) -> Record
    let unwrap: (Record) -> R?
    let crossCheck: (R, Session) throws(DomainError) -> Void
    /// The index of the `id` field, for a kind named by its id.
    let idField: Int?
    /// The two fields of a composite key, as indexes into `allFields`.
    let keyFields: (Int, Int)?
    /// The id, and the fields of a composite key, read in place (see ``InPlaceReader``).
    private let idReader: InPlaceReader<R>?
    private let keyReaders: (InPlaceReader<R>, InPlaceReader<R>)?
    private let fieldIndex: [String: Int]
    /// How each field is read into a record being built, in `allFields` order: the closures
    /// alone, because copying every ``Field`` for every record built cost more than reading it.
    private let readers: [(inout R, FieldReader) throws(DomainError) -> Void]

    /// - Parameters:
    ///   - fields: in spec order; a field in the key cannot be set. Stored-only fields go last.
    ///   - record: how the struct goes into and comes out of a ``Record``.
    ///   - check: the checks that span fields (dates in order, positive hours).
    public init(
        _ kind: EntityKind, plural: String, blank: R, key: EntityKey = .id, fields: [Field<R>],
        record: (wrap: (R) -> Record, unwrap: (Record) -> R?), example: EntityExample? = nil,
        detail: ((R, Session) -> String?)? = nil,
        check: @escaping (R, Session) throws(DomainError) -> Void = { _, _ in }
    ) {
        self.kind = kind
        self.plural = plural
        self.blank = blank
        self.key = key
        self.example = example
        self.detail = detail
        self.wrap = record.wrap
        self.unwrap = record.unwrap
        self.crossCheck = check
        self.ordinal = EntityKind.allCases.firstIndex(of: kind)!
        var all = fields
        if case .pair(let a, let b, _) = key {
            for i in all.indices where all[i].name == a || all[i].name == b { all[i].spec.settable = false }
        }
        allFields = all
        self.fields = all.filter(\.isVisible)
        specs = self.fields.map(\.spec)
        reverseIndexed = all.indices.compactMap { i in all[i].reverseIndexed ? (i, all[i].target!) : nil }
        fieldIndex = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, $0) })
        readers = all.map(\.read)
        if case .pair(let a, let b, _) = key {
            keyFields = (fieldIndex[a]!, fieldIndex[b]!)
            keyReaders = (all[fieldIndex[a]!].inPlace, all[fieldIndex[b]!].inPlace)
            idField = nil
            idReader = nil
        } else {
            keyFields = nil
            keyReaders = nil
            idField = fieldIndex["id"]!
            idReader = all[fieldIndex["id"]!].inPlace
        }
    }

    public func field(named name: String) -> Field<R>? {
        fieldIndex[name].map { allFields[$0] }.flatMap { $0.isVisible ? $0 : nil }
    }

    public func accept<V: EntityVisitor>(_ visitor: inout V) throws -> V.Result { try visitor.visit(self) }

    public func makeStore() -> AnyKindStore { KindStore<R>(self) }

    /// The record's own id (nil for a kind keyed by two fields).
    public func id(_ record: R) -> String? { idReader?.text(in: record) }

    /// The id of the record at `pointer` (a row of the table, never copied).
    @inline(__always)
    func id(at pointer: UnsafeRawPointer) -> String? { idReader?.text(at: pointer) }

    /// The two numbers of a composite key.
    func pair(_ record: R) -> KeyPair? {
        guard let (a, b) = keyReaders else { return nil }
        return KeyPair(a.int(in: record)!, b.int(in: record)!)
    }

    /// The record struct inside a ``Record`` of this kind.
    public func typed(_ record: Record) -> R {
        guard let r = unwrap(record) else { preconditionFailure("\(record.kind) is not \(kind)") }
        return r
    }

    // MARK: - Fields by name

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    public func makeRecord(_ values: FieldValues, in session: Session) throws(DomainError) -> Record {
        let reader = FieldReader(kind: kind, values: values, session: session)
        var record = blank
        for read in readers { try read(&record, reader) }
        try crossCheck(record, session)
        return wrap(record)
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    public func value(of record: Record, field: String, in session: Session) -> Value {
        guard let f = self.field(named: field) else { return .null }
        return value(typed(record), f, in: session)
    }

    /// A field of a record as queries see it; references come back as `.ref(kind, id)`.
    func value(_ r: R, _ f: Field<R>, in session: Session) -> Value {
        if let reader = f.valueReader { return reader(r) }
        guard let slot = f.slot(in: r), let target = f.target else { return .null }
        return .ref(target, session.name(of: target, slot))
    }

    public func carryingHidden(from old: Record, into new: Record) -> Record {
        var updated = typed(new)
        let was = typed(old)
        for field in allFields where !field.isVisible { field.carry(from: was, into: &updated) }
        return wrap(updated)
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    public func check(_ record: Record, in session: Session) throws(DomainError) {
        try crossCheck(typed(record), session)
    }

    /// The first record of the kind in `session` that fails the checks spanning fields (a
    /// session file another tool wrote: negative hours, a course that ends before it starts),
    /// with its slot; nil when every record passes.
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    public func firstFailingCheck(in session: Session) -> (slot: Int, error: DomainError)? {
        for (slot, row) in session.table(R.self).rows.enumerated() {
            guard let r = row else { continue }
            do { try crossCheck(r, session) } catch { return (slot, error) }
        }
        return nil
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    public func name(of record: Record, naming: (EntityKind, Int) -> String) -> String {
        name(typed(record), naming: naming)
    }

    func name(_ r: R, naming: (EntityKind, Int) -> String) -> String {
        switch key {
        case .id: return id(r)!
        case .pair(_, _, let joiner):
            let (a, b) = keyFields!
            func part(_ f: Field<R>) -> String {
                if let target = f.target, let slot = f.slot(in: r) { return naming(target, slot) }
                return f.int(in: r).map(String.init) ?? "?"
            }
            return part(allFields[a]) + joiner + part(allFields[b])
        }
    }

    public func id(of record: Record) -> String? { idField == nil ? nil : id(typed(record)) }

    public func detail(_ slot: Int, in session: Session) -> String? {
        guard let detail, let r = session.table(R.self)[slot] else { return nil }
        return detail(r, session)
    }
}
