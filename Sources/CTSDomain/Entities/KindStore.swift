/// The records of one kind in a session, with the indexes its declaration asks for: id → slot
/// (or composite key → slot), and a reverse index per reverse-indexed reference field.
///
/// The session keeps one store per kind, in `EntityKind.allCases` order, and reaches them
/// untyped through this base class; everything that needs the record type is in
/// ``KindStore``. Rows stay typed structs in a ``Table``, so making the storage compact later
/// (interned ids, 32-bit slots, flat enrollment arrays) changes this file and the declarations.
public class AnyKindStore {
    var count: Int { fatalError("abstract") }
    var slots: [Int] { fatalError("abstract") }
    var nextSlot: Int { fatalError("abstract") }
    func holds(_ slot: Int) -> Bool { fatalError("abstract") }
    func record(_ slot: Int) -> Record? { fatalError("abstract") }
    func slot(id: String) -> Int? { fatalError("abstract") }
    var ids: [String]? { fatalError("abstract") }
    func slot(key a: Int, _ b: Int) -> Int? { fatalError("abstract") }
    func existingSlot(for record: Record) -> Int? { fatalError("abstract") }
    func name(_ slot: Int, in session: Session) -> String { fatalError("abstract") }
    func id(_ slot: Int) -> String? { fatalError("abstract") }
    /// Puts a record in its slot; `logged` adds its id to ``idLog`` (not while a file loads).
    func insert(_ record: Record, at slot: Int, in session: Session, logged: Bool) { fatalError("abstract") }
    func replace(_ old: Record, with new: Record, at slot: Int, in session: Session) { fatalError("abstract") }
    func delete(_ record: Record, at slot: Int) { fatalError("abstract") }

    /// Goes up with every change to the records of this kind (see `Session.version(of:)`).
    var version = 0
    /// Ids added and removed (see `Session.idLog(_:)`).
    var idLog = Session.IDLog()
    func growReverse(_ field: Int, to slot: Int) { fatalError("abstract") }
    func reverse(_ field: Int) -> [[Int32]] { fatalError("abstract") }
    /// The slots of the records that refer to `slot` of `kind`, in slot order; nil when no
    /// field of this kind refers to that kind.
    func referrers(to kind: EntityKind, _ slot: Int) -> [Int]? { fatalError("abstract") }
    func accessor(_ field: String, in session: Session) -> ((Int) -> Value)? { fatalError("abstract") }
    func refAccessor(_ field: String) -> ((Int) -> Int?)? { fatalError("abstract") }
}

/// A composite key: the two numbers of an `EntityKey.pair` (slots, or a year).
struct KeyPair: Hashable {
    let a: Int32
    let b: Int32
    init(_ a: Int, _ b: Int) { self.a = Int32(truncatingIfNeeded: a); self.b = Int32(truncatingIfNeeded: b) }
}

/// The per-row methods are specialised for the kinds with many rows: called through the base
/// class they would otherwise run as unspecialised generic code, looking up type metadata and
/// going through key paths at run time for every row (a third of the time of `enroll`).
final class KindStore<R: EntityRecord>: AnyKindStore {
    let declaration: EntityDeclaration<R>
    /// Not checked for exclusivity at run time: queries read it once per record from closures,
    /// where each dynamic check cost more than reading the field; nothing reads it while it
    /// is being changed (the store changes only between commands, on one thread).
    @exclusivity(unchecked) var table = Table<R>()
    /// id → slot, for a kind named by its id.
    var idIndex = IDIndex()
    /// Composite key → slot, for a kind named by two fields, unless ``keyList`` finds them.
    private var keyIndex: [KeyPair: Int] = [:]
    /// For a kind named by two fields whose first is reverse-indexed (an enrollment's cadre):
    /// the position of that field in `reverseFields`. A key is then looked up among the few
    /// records its first field names (a cadre's enrollments), and no ``keyIndex`` is kept: at
    /// 5·10⁶ enrollments it cost 190 MB and a hash per enrollment.
    private let keyList: Int?
    /// The reverse-indexed reference fields (indexes into `allFields`, and read in place) and,
    /// for each, the slots of this kind referring to each slot of the target kind. Order
    /// inside a list is not meaningful; callers sort slots when order matters.
    private let reverseFields: [Int]
    let reverseReaders: [InPlaceReader<R>]
    var reverseLists: [[[Int32]]]
    /// For each kind, the reference fields of this kind that name it.
    private let fieldsReferring: [EntityKind: [Int]]

    init(_ declaration: EntityDeclaration<R>) {
        self.declaration = declaration
        let reverseFields = declaration.allFields.indices.filter { declaration.allFields[$0].reverseIndexed }
        self.reverseFields = reverseFields
        reverseReaders = reverseFields.map { declaration.allFields[$0].inPlace }
        reverseLists = Array(repeating: [], count: reverseFields.count)
        keyList = declaration.keyFields.flatMap { reverseFields.firstIndex(of: $0.0) }
        var referring: [EntityKind: [Int]] = [:]
        for (i, f) in declaration.allFields.enumerated() {
            if let target = f.target { referring[target, default: []].append(i) }
        }
        fieldsReferring = referring
    }

    override var count: Int { table.count }
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    private func slotList() -> [Int] { table.slots }
    override var slots: [Int] { slotList() }
    // Unspecialised, `table.nextSlot` looked up the metadata of `Optional<R>` on every append.
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    private func end() -> Int { table.nextSlot }
    override var nextSlot: Int { end() }
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func holds(_ slot: Int) -> Bool { table[slot] != nil }
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func record(_ slot: Int) -> Record? { table[slot].map(declaration.wrap) }
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func slot(id: String) -> Int? { indexedSlot(id, hash: IDIndex.hash(id)) }

    /// The slot whose record has this id, comparing it with the id in each candidate row in
    /// place (a row is not copied: that would retain and release every string in it).
    @inline(__always)
    private func indexedSlot(_ id: String, hash: UInt32) -> Int? {
        table.rows.withUnsafeBufferPointer { rows in
            idIndex.slot(hash: hash) { declaration.id(at: UnsafeRawPointer(rows.baseAddress! + $0)) == id }
        }
    }

    /// Every id, for "did you mean" (order is not meaningful).
    override var ids: [String]? {
        guard declaration.key == .id else { return nil }
        return table.rows.compactMap { $0.flatMap(declaration.id) }
    }
    @_specialize(where R == Enrollment)
    override func slot(key a: Int, _ b: Int) -> Int? { slot(key: KeyPair(a, b)) }

    private func slot(key: KeyPair) -> Int? {
        guard let n = keyList else { return keyIndex[key] }
        let a = Int(key.a)
        guard a >= 0, a < reverseLists[n].count else { return nil }
        for s in reverseLists[n][a] where declaration.pair(table[Int(s)]!) == key { return Int(s) }
        return nil
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func existingSlot(for record: Record) -> Int? {
        let r = declaration.typed(record)
        if let pair = declaration.pair(r) { return slot(key: pair) }
        let id = declaration.id(r)!
        return indexedSlot(id, hash: IDIndex.hash(id))
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func name(_ slot: Int, in session: Session) -> String {
        guard let r = table[slot] else { return "?" }
        return declaration.name(r) { session.name(of: $0, $1) }
    }

    /// The id of the record in a slot, which must hold one, read in place (`table[slot]`
    /// would copy the row, through value witnesses when called through the base class).
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func id(_ slot: Int) -> String? {
        table.rows.withUnsafeBufferPointer {
            precondition(slot >= 0 && slot < $0.count, "slot \(slot) is empty")
            return declaration.id(at: UnsafeRawPointer($0.baseAddress! + slot))
        }
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func insert(_ record: Record, at slot: Int, in session: Session, logged: Bool) {
        let r = declaration.typed(record)
        version &+= 1
        table.put(r, at: slot)
        index(r, slot)
        if logged, let id = declaration.id(r) { idLog.append(id, slot, added: true) }
        session.grewTable(declaration.kind, to: slot)
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func replace(_ old: Record, with new: Record, at slot: Int, in session: Session) {
        let was = declaration.typed(old), r = declaration.typed(new)
        version &+= 1
        // Completing an enrollment changes its status, hours and date, none of them indexed.
        let reindex = !sameIndexEntries(was, r)
        if reindex { unindex(was, slot) }
        table.replace(r, at: slot)
        if reindex { index(r, slot) }
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func delete(_ record: Record, at slot: Int) {
        let r = declaration.typed(record)
        version &+= 1
        unindex(r, slot)
        table.remove(at: slot)
        if let id = declaration.id(r) { idLog.append(id, slot, added: false) }
    }

    /// Whether two versions of a record have the same id or key and name the same records in
    /// their reverse-indexed fields, so that no index needs to change between them.
    private func sameIndexEntries(_ a: R, _ b: R) -> Bool {
        guard declaration.pair(a) == declaration.pair(b), declaration.id(a) == declaration.id(b) else { return false }
        return reverseReaders.allSatisfy { $0.int(in: a) == $0.int(in: b) }
    }

    func index(_ r: R, _ slot: Int) {
        indexKey(r, slot)
        for (n, reader) in reverseReaders.enumerated() {
            guard let target = reader.int(in: r) else { continue }
            // A unit's parent may come later among the units of a file being loaded.
            Self.grow(&reverseLists[n], to: target)
            reverseLists[n][target].append(Int32(slot))
        }
    }

    /// Enters the record's id or key (its reverse-indexed fields are ``index(_:_:)``'s).
    func indexKey(_ r: R, _ slot: Int) {
        if let pair = declaration.pair(r) {
            if keyList == nil { keyIndex[pair] = slot }
        } else {
            idIndex.insert(hash: IDIndex.hash(declaration.id(r)!), slot: slot)
        }
    }

    /// Whether ``indexKey(_:_:)`` keeps anything: not for a key found through ``keyList``.
    var keysAreIndexed: Bool { declaration.key == .id || keyList == nil }

    private func unindex(_ r: R, _ slot: Int) {
        if let pair = declaration.pair(r) {
            if keyList == nil { keyIndex[pair] = nil }
        } else {
            idIndex.remove(hash: IDIndex.hash(declaration.id(r)!), slot: slot)
        }
        for (n, reader) in reverseReaders.enumerated() {
            guard let target = reader.int(in: r) else { continue }
            if let at = reverseLists[n][target].lastIndex(of: Int32(slot)) { reverseLists[n][target].remove(at: at) }
        }
    }

    override func growReverse(_ field: Int, to slot: Int) {
        guard let n = reverseFields.firstIndex(of: field) else { return }
        Self.grow(&reverseLists[n], to: slot)
    }

    override func reverse(_ field: Int) -> [[Int32]] {
        reverseFields.firstIndex(of: field).map { reverseLists[$0] } ?? []
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func referrers(to kind: EntityKind, _ slot: Int) -> [Int]? {
        guard let fields = fieldsReferring[kind] else { return nil }
        if fields.count == 1, let n = reverseFields.firstIndex(of: fields[0]) {
            return slot < reverseLists[n].count ? reverseLists[n][slot].map(Int.init).sorted() : []
        }
        let all = declaration.allFields
        return table.slots.filter { s in fields.contains { all[$0].slot(in: table[s]!) == slot } }
    }

    private static func grow(_ lists: inout [[Int32]], to slot: Int) {
        while lists.count <= slot { lists.append([]) }
    }

    // MARK: - Fast readers

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func accessor(_ name: String, in session: Session) -> ((Int) -> Value)? {
        guard let f = declaration.field(named: name) else { return nil }
        if let reader = f.valueReader { return { [self] in table[$0].map(reader) ?? .null } }
        let target = f.target!
        return { [self, unowned session] in
            guard let row = table[$0], let r = f.slot(in: row) else { return .null }
            return .ref(target, session.name(of: target, r))
        }
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func refAccessor(_ name: String) -> ((Int) -> Int?)? {
        guard let f = declaration.field(named: name), f.target != nil else { return nil }
        return { [self] in f.slot(in: table[$0]!) }
    }
}
