/// One field of a record type: what the user sees of it (``FieldSpec``: name, type, optional,
/// settable, unit-kind restriction) and where it sits in the record struct (``FieldAccess``).
///
/// Everything generic about fields — reading one by name, building a record from typed-in
/// values, the column(s) of the session file, the reverse index of a reference — is derived
/// from these two; no list of fields is written anywhere but in the kind's declaration.
///
///     .ref("unit", \.unit, to: .unit, reverseIndexed: true)
public struct Field<R: EntityRecord>: @unchecked Sendable {
    public internal(set) var spec: FieldSpec
    public let access: FieldAccess<R>
    /// False for what is stored but not shown (a course's `dayHours`): no `list` column, no
    /// `set`, no csv column, but a column of the session file.
    public let isVisible: Bool
    /// The name of its column in the session file (a period has three, see ``FieldAccess``).
    public let column: String
    /// Whether the session keeps, for every record of the referenced kind, the slots of the
    /// records whose field names it (`cadresByUnit`); other references are found by a scan.
    public let reverseIndexed: Bool
    public var hasDefault: Bool { spec.hasDefault }
    /// Reads the field out of typed-in values into the record being built.
    let read: (inout R, FieldReader) throws(DomainError) -> Void

    public var name: String { spec.name }

    /// Reads a field's value as queries see it (not for references, which need the session).
    let valueReader: ((R) -> Value)?
    /// Where a reference, whole number or id sits in the struct, for the per-row paths
    /// (indexing 10⁷ enrollments, naming a record): a key path applied at run time looks up
    /// type metadata on every read, which made `enroll` a quarter slower. Computed once from the
    /// key path (`MemoryLayout.offset(of:)`); the record structs keep these as stored properties.
    private let offset: Int?
    private let layout: InPlaceReader<R>.Layout

    /// The field's byte offset in the struct (every field is a stored property), for the store's
    /// codec and loader, which read and write millions of rows; see ``load(_:as:)``.
    public let storedOffset: Int

    @inline(__always)
    init(
        _ spec: FieldSpec, _ access: FieldAccess<R>, visible: Bool = true, column: String? = nil,
        reverseIndexed: Bool = false, hasDefault: Bool = false,
        read: @escaping (inout R, FieldReader) throws(DomainError) -> Void
    ) {
        self.spec = spec
        self.spec.hasDefault = hasDefault
        self.access = access
        self.isVisible = visible
        self.column = column ?? spec.name
        self.reverseIndexed = reverseIndexed
        self.read = read
        var offset: Int? = nil
        var layout = InPlaceReader<R>.Layout.none
        let valueReader: ((R) -> Value)?
        switch access {
        case .text(let k):
            (offset, layout) = (MemoryLayout<R>.offset(of: k), .string)
            valueReader = { .text($0[keyPath: k]) }
        case .optionalText(let k): valueReader = { $0[keyPath: k].map(Value.text) ?? .null }
        case .number(let k): valueReader = { .number($0[keyPath: k]) }
        case .optionalNumber(let k): valueReader = { $0[keyPath: k].map(Value.number) ?? .null }
        case .int(let k):
            (offset, layout) = (MemoryLayout<R>.offset(of: k), .int)
            valueReader = { .number(Number($0[keyPath: k])) }
        case .optionalInt(let k):
            (offset, layout) = (MemoryLayout<R>.offset(of: k), .optionalInt)
            valueReader = { $0[keyPath: k].map { .number(Number($0)) } ?? .null }
        case .date(let k): valueReader = { .date($0[keyPath: k]) }
        case .optionalDate(let k): valueReader = { $0[keyPath: k].map(Value.date) ?? .null }
        case .bool(let k): valueReader = { .bool($0[keyPath: k]) }
        case .enumeration(let e): valueReader = { .enumeration(e.value(in: $0)) }
        case .ref(let k):
            (offset, layout) = (MemoryLayout<R>.offset(of: k), .int)
            valueReader = nil
        case .optionalRef(let k):
            (offset, layout) = (MemoryLayout<R>.offset(of: k), .optionalInt)
            valueReader = nil
        case .ref32(let k):
            (offset, layout) = (MemoryLayout<R>.offset(of: k), .int32)
            valueReader = nil
        case .period(let k): valueReader = { .period($0[keyPath: k]) }
        case .courseKinds(let k):
            valueReader = { $0[keyPath: k].map { .list($0.map { .enumeration($0.enumValue) }) } ?? .null }
        }
        self.valueReader = valueReader
        self.offset = offset
        self.layout = offset == nil ? .none : layout
        self.storedOffset = Self.offset(of: access)
    }

    private static func offset(of access: FieldAccess<R>) -> Int {
        let offset: Int?
        switch access {
        case .text(let k): offset = MemoryLayout<R>.offset(of: k)
        case .optionalText(let k): offset = MemoryLayout<R>.offset(of: k)
        case .number(let k): offset = MemoryLayout<R>.offset(of: k)
        case .optionalNumber(let k): offset = MemoryLayout<R>.offset(of: k)
        case .int(let k): offset = MemoryLayout<R>.offset(of: k)
        case .optionalInt(let k): offset = MemoryLayout<R>.offset(of: k)
        case .date(let k): offset = MemoryLayout<R>.offset(of: k)
        case .optionalDate(let k): offset = MemoryLayout<R>.offset(of: k)
        case .bool(let k): offset = MemoryLayout<R>.offset(of: k)
        case .enumeration(let e): offset = e.offset
        case .ref(let k): offset = MemoryLayout<R>.offset(of: k)
        case .optionalRef(let k): offset = MemoryLayout<R>.offset(of: k)
        case .ref32(let k): offset = MemoryLayout<R>.offset(of: k)
        case .period(let k): offset = MemoryLayout<R>.offset(of: k)
        case .courseKinds(let k): offset = MemoryLayout<R>.offset(of: k)
        }
        guard let offset else { preconditionFailure("a field is a stored property of its record") }
        return offset
    }

    /// The field's value read in place. `V` must be the type of the field's key path.
    @inline(__always)
    public func load<V>(_ record: R, as _: V.Type) -> V {
        withUnsafePointer(to: record) {
            UnsafeRawPointer($0).advanced(by: storedOffset).assumingMemoryBound(to: V.self).pointee
        }
    }

    /// Sets the field in place. `V` must be the type of the field's key path.
    @inline(__always)
    public func store<V>(_ value: V, into record: inout R) {
        withUnsafeMutablePointer(to: &record) {
            UnsafeMutableRawPointer($0).advanced(by: storedOffset).assumingMemoryBound(to: V.self).pointee = value
        }
    }

    /// The slot a reference field names, or nil (absent, or not a reference).
    @inline(__always)
    public func slot(in record: R) -> Int? { spec.type.isRef ? int(in: record) : nil }

    /// A whole number the field holds (a reference's slot, a year), for composite keys.
    @inline(__always)
    func int(in record: R) -> Int? { inPlace.int(in: record) }

    /// The text a text field holds (an id), read in place.
    @inline(__always)
    func text(in record: R) -> String? { inPlace.text(in: record) }

    /// Where the field sits, without the rest of it, for the per-row paths that keep it.
    var inPlace: InPlaceReader<R> { InPlaceReader(offset: offset, layout: layout) }

    /// The kind a reference field names.
    public var target: EntityKind? {
        if case .ref(let kind) = spec.type { return kind }
        return nil
    }
}

/// Reads a reference's slot, a whole number or a text field straight out of a record: a
/// field's offset and layout and nothing else. The store keeps these for the fields it reads
/// on every change (keys, reverse-indexed references), because copying a whole ``Field``, with
/// its closures, for each row cost more than the reading.
struct InPlaceReader<R> {
    enum Layout { case none, int, int32, optionalInt, string }

    let offset: Int?
    let layout: Layout

    /// A whole number the field holds (a reference's slot, a year); nil when absent.
    @inline(__always)
    func int(in record: R) -> Int? {
        guard let offset else { return nil }
        return withUnsafeBytes(of: record) { bytes in
            switch layout {
            case .int: bytes.load(fromByteOffset: offset, as: Int.self)
            case .int32: Int(bytes.load(fromByteOffset: offset, as: Int32.self))
            case .optionalInt: bytes.load(fromByteOffset: offset, as: Int?.self)
            case .none, .string: nil
            }
        }
    }

    /// The text a text field holds (an id).
    @inline(__always)
    func text(in record: R) -> String? {
        withUnsafePointer(to: record) { text(at: UnsafeRawPointer($0)) }
    }

    /// The text a text field holds, read from the record at `pointer` without copying it
    /// (an id compared in place, see ``IDIndex``).
    @inline(__always)
    func text(at pointer: UnsafeRawPointer) -> String? {
        guard layout == .string, let offset else { return nil }
        return pointer.advanced(by: offset).assumingMemoryBound(to: String.self).pointee
    }
}

/// Where a field's value sits in the record struct, by what it holds. The store binds and reads
/// columns by these cases, and the session reads and writes fields by them: a new field type is
/// a new case here, a new field of an existing type is one line in a declaration.
public enum FieldAccess<R> {
    case text(WritableKeyPath<R, String>)
    case optionalText(WritableKeyPath<R, String?>)
    /// Class hours or money (exact, three decimals at most).
    case number(WritableKeyPath<R, Number>)
    case optionalNumber(WritableKeyPath<R, Number?>)
    /// A count or a year.
    case int(WritableKeyPath<R, Int>)
    case optionalInt(WritableKeyPath<R, Int?>)
    case date(WritableKeyPath<R, Day>)
    case optionalDate(WritableKeyPath<R, Day?>)
    case bool(WritableKeyPath<R, Bool>)
    case enumeration(EnumAccess<R>)
    /// A reference: the slot of the record it names.
    case ref(WritableKeyPath<R, Int>)
    case optionalRef(WritableKeyPath<R, Int?>)
    /// A reference kept in 32 bits (an enrollment's, 10⁷ rows).
    case ref32(WritableKeyPath<R, Int32>)
    /// Stored in three columns: `<column>_first`, `<column>_last`, `<column>_years`.
    case period(WritableKeyPath<R, Period>)
    /// Stored as comma-separated words; nil (every kind) as NULL.
    case courseKinds(WritableKeyPath<R, [CourseKind]?>)
}

/// An enum field without its Swift enum type: its vocabulary, and the position of its value.
public struct EnumAccess<R> {
    public let vocabulary: Vocabulary
    /// The vocabulary's words, worked out once (`Vocabulary.words` builds the list each time).
    public let words: [String]
    /// The value's position in the vocabulary (`enumValue.ordinal`).
    public let ordinal: (R) -> Int
    /// Sets the value at a position of the vocabulary.
    public let set: (inout R, Int) -> Void
    /// The byte offset of the enum in the struct.
    let offset: Int?
    /// Whether the enum is one byte holding its case's position (Swift's layout of an enum
    /// without payloads), checked once, so the store can read and write the byte.
    public let isOrdinalByte: Bool

    public func value(in record: R) -> EnumValue { EnumValue(vocabulary, position(in: record)) }
    public func word(in record: R) -> String { words[position(in: record)] }

    /// `ordinal(record)`, read from the enum's byte where the layout allows: through the key
    /// path it costs about a thousand instructions, and queries read it once per record.
    @inline(__always)
    func position(in record: R) -> Int {
        guard isOrdinalByte, let offset else { return ordinal(record) }
        return withUnsafeBytes(of: record) { Int($0[offset]) }
    }

    @inline(__always)
    init<E: DomainEnum>(_ path: WritableKeyPath<R, E>) {
        vocabulary = E.vocabulary
        words = E.allCases.map(\.rawValue)
        ordinal = { $0[keyPath: path].ordinal }
        set = { $0[keyPath: path] = E.allCases[$1] }
        offset = MemoryLayout<R>.offset(of: path)
        isOrdinalByte =
            MemoryLayout<E>.size == 1
            && E.allCases.enumerated().allSatisfy { i, e in withUnsafeBytes(of: e) { $0[0] } == UInt8(i) }
    }
}

// MARK: - Declaring fields

extension Field {
    /// The record's own id: one word, never changed.
    @inline(__always)
    public static func id(_ path: WritableKeyPath<R, String>) -> Field {
        Field(FieldSpec("id", .id, settable: false), .text(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.id()
        }
    }

    @inline(__always)
    public static func text(_ name: String, _ path: WritableKeyPath<R, String>) -> Field {
        Field(FieldSpec(name, .text), .text(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.nonBlankText(name)
        }
    }

    @inline(__always)
    public static func text(_ name: String, _ path: WritableKeyPath<R, String?>) -> Field {
        Field(FieldSpec(name, .text, optional: true), .optionalText(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.optionalText(name)
        }
    }

    /// A condition over cadres (a rule's `for`), kept as source text.
    @inline(__always)
    public static func condition(_ name: String, _ path: WritableKeyPath<R, String>) -> Field {
        Field(FieldSpec(name, .condition), .text(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.text(name)
        }
    }

    /// Class hours or money.
    @inline(__always)
    public static func amount(_ name: String, _ path: WritableKeyPath<R, Number>) -> Field {
        Field(FieldSpec(name, .number), .number(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.amount(name)
        }
    }

    @inline(__always)
    public static func amount(_ name: String, _ path: WritableKeyPath<R, Number?>) -> Field {
        Field(FieldSpec(name, .number, optional: true), .optionalNumber(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.optionalAmount(name)
        }
    }

    /// A whole number of 0 or more.
    @inline(__always)
    public static func count(_ name: String, _ path: WritableKeyPath<R, Int>) -> Field {
        Field(FieldSpec(name, .count), .int(path)) { r, f throws(DomainError) in r[keyPath: path] = try f.count(name) }
    }

    @inline(__always)
    public static func count(_ name: String, _ path: WritableKeyPath<R, Int?>) -> Field {
        Field(FieldSpec(name, .count, optional: true), .optionalInt(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.optionalCount(name)
        }
    }

    @inline(__always)
    public static func year(_ name: String, _ path: WritableKeyPath<R, Int>) -> Field {
        Field(FieldSpec(name, .year), .int(path)) { r, f throws(DomainError) in r[keyPath: path] = try f.year(name) }
    }

    @inline(__always)
    public static func year(_ name: String, _ path: WritableKeyPath<R, Int?>) -> Field {
        Field(FieldSpec(name, .year, optional: true), .optionalInt(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.optionalYear(name)
        }
    }

    @inline(__always)
    public static func date(_ name: String, _ path: WritableKeyPath<R, Day>) -> Field {
        Field(FieldSpec(name, .date), .date(path)) { r, f throws(DomainError) in r[keyPath: path] = try f.date(name) }
    }

    @inline(__always)
    public static func date(_ name: String, _ path: WritableKeyPath<R, Day?>) -> Field {
        Field(FieldSpec(name, .date, optional: true), .optionalDate(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.optionalDate(name)
        }
    }

    /// Yes or no; `default` when not given.
    @inline(__always)
    public static func yesNo(_ name: String, _ path: WritableKeyPath<R, Bool>, default value: Bool) -> Field {
        Field(FieldSpec(name, .yesNo), .bool(path), hasDefault: true) { r, f throws(DomainError) in
            r[keyPath: path] = try f.optionalBool(name) ?? value
        }
    }

    /// A word of the enum's vocabulary; `default`, when given, is taken when the field is not.
    @inline(__always)
    public static func enumeration<E: DomainEnum>(
        _ name: String, _ path: WritableKeyPath<R, E>, default value: E? = nil
    ) -> Field {
        let spec = FieldSpec(name, .enumeration(E.vocabulary))
        guard let value else {
            return Field(spec, .enumeration(EnumAccess(path))) { r, f throws(DomainError) in
                r[keyPath: path] = try f.enumeration(name)
            }
        }
        return Field(spec, .enumeration(EnumAccess(path)), hasDefault: true) { r, f throws(DomainError) in
            r[keyPath: path] = try f.optionalEnumeration(name) ?? value
        }
    }

    /// A reference to a record of `kind`; `unitKind` restricts a unit reference to units of one kind.
    @inline(__always)
    public static func ref(
        _ name: String, _ path: WritableKeyPath<R, Int>, to kind: EntityKind, unitKind: UnitKind? = nil,
        reverseIndexed: Bool = false
    ) -> Field {
        Field(FieldSpec(name, .ref(kind), unitKind: unitKind), .ref(path), reverseIndexed: reverseIndexed) {
            r, f throws(DomainError) in r[keyPath: path] = try f.ref(name, kind, only: unitKind)
        }
    }

    @inline(__always)
    public static func ref(
        _ name: String, _ path: WritableKeyPath<R, Int?>, to kind: EntityKind, reverseIndexed: Bool = false
    ) -> Field {
        Field(FieldSpec(name, .ref(kind), optional: true), .optionalRef(path), reverseIndexed: reverseIndexed) {
            r, f throws(DomainError) in r[keyPath: path] = try f.optionalRef(name, kind)
        }
    }

    @inline(__always)
    public static func ref(
        _ name: String, _ path: WritableKeyPath<R, Int32>, to kind: EntityKind, reverseIndexed: Bool = false
    ) -> Field {
        Field(FieldSpec(name, .ref(kind)), .ref32(path), reverseIndexed: reverseIndexed) {
            r, f throws(DomainError) in r[keyPath: path] = Int32(try f.ref(name, kind))
        }
    }

    @inline(__always)
    public static func period(_ name: String, _ path: WritableKeyPath<R, Period>) -> Field {
        Field(FieldSpec(name, .period), .period(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.period(name)
        }
    }

    /// Course kinds that count; nil (not given) means every kind.
    @inline(__always)
    public static func courseKinds(_ name: String, _ path: WritableKeyPath<R, [CourseKind]?>) -> Field {
        Field(FieldSpec(name, .courseKinds, optional: true), .courseKinds(path)) { r, f throws(DomainError) in
            r[keyPath: path] = try f.courseKinds(name)
        }
    }

    /// Class hours stored with the record but not shown or typed in: set from the session when
    /// the record is made, kept when it is changed (a course's day-hours).
    @inline(__always)
    public static func stored(
        column: String, _ path: WritableKeyPath<R, Number>, initial: @escaping (Session) -> Number
    ) -> Field {
        Field(FieldSpec(column, .number, settable: false), .number(path), visible: false) { r, f in
            r[keyPath: path] = initial(f.session)
        }
    }

    /// Copies the field from `old` (what `set` does with a field the user does not see).
    func carry(from old: R, into record: inout R) {
        switch access {
        case .number(let k): record[keyPath: k] = old[keyPath: k]
        default: break
        }
    }
}
