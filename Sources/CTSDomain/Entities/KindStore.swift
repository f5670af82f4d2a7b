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
    var ids: Dictionary<String, Int>.Keys? { fatalError("abstract") }
    func slot(key a: Int, _ b: Int) -> Int? { fatalError("abstract") }
    func existingSlot(for record: Record) -> Int? { fatalError("abstract") }
    func name(_ slot: Int, in session: Session) -> String { fatalError("abstract") }
    func insert(_ record: Record, at slot: Int, in session: Session) { fatalError("abstract") }
    func replace(_ old: Record, with new: Record, at slot: Int, in session: Session) { fatalError("abstract") }
    func delete(_ record: Record, at slot: Int) { fatalError("abstract") }
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
    var table = Table<R>()
    /// id → slot, for a kind named by its id.
    private var idIndex: [String: Int] = [:]
    /// Composite key → slot, for a kind named by two fields.
    private var keyIndex: [KeyPair: Int] = [:]
    /// The reverse-indexed reference fields (indexes into `allFields`) and, for each, the slots
    /// of this kind referring to each slot of the target kind. Order inside a list is not
    /// meaningful; callers sort slots when order matters.
    private let reverseFields: [Int]
    private var reverseLists: [[[Int32]]]
    /// For each kind, the reference fields of this kind that name it.
    private let fieldsReferring: [EntityKind: [Int]]

    init(_ declaration: EntityDeclaration<R>) {
        self.declaration = declaration
        reverseFields = declaration.allFields.indices.filter { declaration.allFields[$0].reverseIndexed }
        reverseLists = Array(repeating: [], count: reverseFields.count)
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
    override var nextSlot: Int { table.nextSlot }
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func holds(_ slot: Int) -> Bool { table[slot] != nil }
    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func record(_ slot: Int) -> Record? { table[slot].map(declaration.wrap) }
    override func slot(id: String) -> Int? { idIndex[id] }
    override var ids: Dictionary<String, Int>.Keys? { declaration.key == .id ? idIndex.keys : nil }
    override func slot(key a: Int, _ b: Int) -> Int? { keyIndex[KeyPair(a, b)] }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func existingSlot(for record: Record) -> Int? {
        let r = declaration.typed(record)
        if let pair = declaration.pair(r) { return keyIndex[pair] }
        return idIndex[declaration.id(r)!]
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func name(_ slot: Int, in session: Session) -> String {
        guard let r = table[slot] else { return "?" }
        return declaration.name(r) { session.name(of: $0, $1) }
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func insert(_ record: Record, at slot: Int, in session: Session) {
        let r = declaration.typed(record)
        table.put(r, at: slot)
        index(r, slot)
        session.grewTable(declaration.kind, to: slot)
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func replace(_ old: Record, with new: Record, at slot: Int, in session: Session) {
        unindex(declaration.typed(old), slot)
        let r = declaration.typed(new)
        table.replace(r, at: slot)
        index(r, slot)
    }

    @_specialize(where R == Enrollment) @_specialize(where R == Cadre) @_specialize(where R == Course)
    @_specialize(where R == Unit)
    override func delete(_ record: Record, at slot: Int) {
        unindex(declaration.typed(record), slot)
        table.remove(at: slot)
    }

    private func index(_ r: R, _ slot: Int) {
        if let pair = declaration.pair(r) { keyIndex[pair] = slot } else { idIndex[declaration.id(r)!] = slot }
        for (n, i) in reverseFields.enumerated() {
            guard let target = declaration.allFields[i].slot(in: r) else { continue }
            // A unit's parent may come later among the units of a file being loaded.
            Self.grow(&reverseLists[n], to: target)
            reverseLists[n][target].append(Int32(slot))
        }
    }

    private func unindex(_ r: R, _ slot: Int) {
        if let pair = declaration.pair(r) { keyIndex[pair] = nil } else { idIndex[declaration.id(r)!] = nil }
        for (n, i) in reverseFields.enumerated() {
            guard let target = declaration.allFields[i].slot(in: r) else { continue }
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
