/// The whole training session in memory: every record of every kind, with the indexes that
/// keep lookups and references fast at a province's scale (10⁶ cadres, 10⁷ enrollments).
///
/// All changes go through four primitives (`insert`, `replace`, `delete`, and their use in
/// `apply`/`revert`), which keep every index right and record a ``Change``; the validated
/// operations in `Session+Operations.swift` are built on them. Nothing here does I/O.
public final class Session {
    /// The records of each kind and their indexes, in `EntityKind.allCases` order.
    private let stores: [AnyKindStore]
    /// For each kind (by ordinal), the reverse-indexed reference fields that name it: each
    /// such index has a list for every slot of the kind.
    private let reverseIndexes: [[(store: AnyKindStore, field: Int)]]

    // Typed tables of each kind: thin conveniences over `table(_:)`, kept because a hundred
    // call sites read them; a new kind needs none (`session.table(Award.self)`).
    public var units: Table<Unit> { table(Unit.self) }
    public var cadres: Table<Cadre> { table(Cadre.self) }
    public var courses: Table<Course> { table(Course.self) }
    public var enrollments: Table<Enrollment> { table(Enrollment.self) }
    public var rules: Table<Rule> { table(Rule.self) }
    public var exemptions: Table<Exemption> { table(Exemption.self) }
    public var budgets: Table<Budget> { table(Budget.self) }
    public var plans: Table<Plan> { table(Plan.self) }
    public var inspections: Table<Inspection> { table(Inspection.self) }
    public var findings: Table<Finding> { table(Finding.self) }
    public var practices: Table<Practice> { table(Practice.self) }

    /// The records of one kind, typed.
    public func table<R: EntityRecord>(_ type: R.Type) -> Table<R> { store(type).table }

    func store<R: EntityRecord>(_ type: R.Type) -> KindStore<R> {
        unsafeDowncast(stores[R.declaration.ordinal], to: KindStore<R>.self)
    }

    private func store(_ kind: EntityKind) -> AnyKindStore { stores[kind.ordinal] }

    /// `today` and `day-hours`: session state, changed through ``Change/settings(old:new:)``.
    public private(set) var settings = SessionSettings.standard

    /// Goes up with every change, so caches built from the records (the sorted id index
    /// TAB completion uses) know when to rebuild.
    public internal(set) var version = 0
    /// `version` for the records of one kind, so a cache about one kind (the id index of
    /// cadres) survives changes to the others (enrollments).
    public func version(of kind: EntityKind) -> Int { store(kind).version }

    /// Ids added and removed, per kind, oldest first, so a sorted index of ids can catch up
    /// with a few changes instead of being rebuilt. Only the last `IDLog.limit` are kept.
    public struct IDLog: Sendable {
        public static let limit = 8192
        /// How many entries were dropped from the front.
        public private(set) var dropped = 0
        public private(set) var entries: [(id: String, slot: Int, added: Bool)] = []
        /// The position after the last entry, counting dropped ones.
        public var end: Int { dropped + entries.count }

        mutating func append(_ id: String, _ slot: Int, added: Bool) {
            entries.append((id, slot, added))
            if entries.count > Self.limit {
                let n = entries.count - Self.limit / 2
                entries.removeFirst(n)
                dropped += n
            }
        }
    }

    public func idLog(_ kind: EntityKind) -> IDLog { store(kind).idLog }

    /// Reverse indexes: the records that refer to a unit, cadre, course (the reference fields
    /// declared `reverseIndexed`). Order inside a list is not meaningful; callers sort slots
    /// when order matters.
    /// (`hours(cadre:)` reads `enrollmentsByCadre` once per cadre: the field positions are
    /// looked up once, not by name on every call.)
    public var cadresByUnit: [[Int32]] { store(Cadre.self).reverse(Self.cadreUnit) }
    public var childUnits: [[Int32]] { store(Unit.self).reverse(Self.unitParent) }
    public var enrollmentsByCadre: [[Int32]] { store(Enrollment.self).reverse(Self.enrollmentCadre) }
    public var enrollmentsByCourse: [[Int32]] { store(Enrollment.self).reverse(Self.enrollmentCourse) }
    private static let cadreUnit = fieldPosition(Cadre.self, "unit")
    private static let unitParent = fieldPosition(Unit.self, "parent")
    private static let enrollmentCadre = fieldPosition(Enrollment.self, "cadre")
    private static let enrollmentCourse = fieldPosition(Enrollment.self, "course")

    private static func fieldPosition<R: EntityRecord>(_ type: R.Type, _ field: String) -> Int {
        R.declaration.allFields.firstIndex { $0.name == field }!
    }

    public init() {
        let stores = EntityKind.allCases.map { $0.declaration.makeStore() }
        var reverse = Array(repeating: [(store: AnyKindStore, field: Int)](), count: stores.count)
        for (kind, store) in zip(EntityKind.allCases, stores) {
            for (i, target) in kind.declaration.reverseIndexed {
                reverse[target.declaration.ordinal].append((store, i))
            }
        }
        self.stores = stores
        self.reverseIndexes = reverse
    }

    // MARK: - Looking up

    /// How many records of a kind there are.
    public func count(_ kind: EntityKind) -> Int { store(kind).count }

    /// Slots of a kind in the order the records were added.
    public func slots(_ kind: EntityKind) -> [Int] { store(kind).slots }

    /// The slot of the record with this id, or nil.
    public func slot(_ kind: EntityKind, id: String) -> Int? { store(kind).slot(id: id) }

    /// All ids of a kind, in no particular order (for "did you mean"); nil for a kind keyed
    /// by two fields. Made when asked for: the session keeps each id once, in its record.
    public func ids(_ kind: EntityKind) -> [String]? { store(kind).ids }

    /// The slot of the record of a kind keyed by two fields (`EntityKey.pair`): the slots of
    /// the records they name, or a year.
    public func slot(_ kind: EntityKind, key a: Int, _ b: Int) -> Int? { store(kind).slot(key: a, b) }

    public func enrollmentSlot(cadre: Int, course: Int) -> Int? { slot(.enrollment, key: cadre, course) }
    public func exemptionSlot(cadre: Int, rule: Int) -> Int? { slot(.exemption, key: cadre, rule) }
    public func budgetSlot(unit: Int, year: Int) -> Int? { slot(.budget, key: unit, year) }
    public func planSlot(unit: Int, year: Int) -> Int? { slot(.plan, key: unit, year) }

    /// The slot of the record with the same id or key as `record`, if there is one.
    func existingSlot(for record: Record) -> Int? { store(record.kind).existingSlot(for: record) }

    /// The record in a slot, as a ``Record``.
    public func record(_ kind: EntityKind, _ slot: Int) -> Record? { store(kind).record(slot) }

    /// Whether a slot of a kind holds a record.
    public func holds(_ kind: EntityKind, _ slot: Int) -> Bool { store(kind).holds(slot) }

    /// The slot a new record of this kind would take.
    public func nextSlot(_ kind: EntityKind) -> Int { store(kind).nextSlot }

    /// The own id of the record in a slot, which must hold one (nil for a kind keyed by two
    /// fields), read without copying the record.
    public func id(_ kind: EntityKind, _ slot: Int) -> String? { store(kind).id(slot) }

    /// A value read from the record in a slot, which must hold one, without copying the record
    /// (a copy retains and releases every string in it; `enroll` read two records so). A
    /// present `R?` is laid out as an `R`, so the row is read through a pointer to one.
    @inline(__always)
    func reading<R: EntityRecord, T>(_ type: R.Type, _ slot: Int, _ read: (UnsafePointer<R>) -> T) -> T {
        store(type).table.rows.withUnsafeBufferPointer {
            precondition(slot >= 0 && slot < $0.count, "slot \(slot) is empty")
            return read(UnsafeRawPointer($0.baseAddress! + slot).assumingMemoryBound(to: R.self))
        }
    }

    /// The id that names a record: its own id, or its key written out (`c1 in k1`, `nj.fin 2009`).
    public func name(of kind: EntityKind, _ slot: Int) -> String { store(kind).name(slot, in: self) }

    /// The slots of the records of `referrer` that refer to `slot` of `kind`, in slot order;
    /// nil when no field of `referrer` refers to `kind`.
    func referrers(_ referrer: EntityKind, to kind: EntityKind, _ slot: Int) -> [Int]? {
        store(referrer).referrers(to: kind, slot)
    }

    /// A reader for a field of a kind, or nil when the kind has no such field.
    public func accessor(_ kind: EntityKind, _ field: String) -> ((Int) -> Value)? {
        store(kind).accessor(field, in: self)
    }

    /// A reader for a reference field: the slot of the record it names (nil when absent).
    public func refAccessor(_ kind: EntityKind, _ field: String) -> ((Int) -> Int?)? {
        store(kind).refAccessor(field)
    }

    /// Whether unit `slot` is `ancestor` or lies below it in the parent tree.
    public func unit(_ slot: Int, isUnder ancestor: Int) -> Bool {
        var current: Int? = slot
        var steps = 0
        while let c = current, steps <= units.rows.count {
            if c == ancestor { return true }
            current = units[c]?.parent
            steps += 1
        }
        return false
    }

    // MARK: - Primitives

    /// Applies one change and keeps every index right. Callers have validated it.
    public func apply(_ change: Change) {
        version &+= 1
        switch change {
        case .settings(_, let new):
            settings = new
        case .insert(let slot, let record):
            store(record.kind).insert(record, at: slot, in: self, logged: true)
        case .update(let slot, let old, let new):
            store(new.kind).replace(old, with: new, at: slot, in: self)
        case .delete(let slot, let record):
            store(record.kind).delete(record, at: slot)
        }
    }

    /// Applies a change set forwards (redo).
    public func apply(_ changes: ChangeSet) {
        for change in changes { apply(change) }
    }

    /// Takes a change set back (undo, or rolling back a command that failed half-way).
    public func revert(_ changes: ChangeSet) {
        for change in changes.reversed() { apply(change.inverse) }
    }

    /// Inserts a record as the next of its kind and records the change.
    @discardableResult
    public func append(_ record: Record, to changes: inout ChangeSet) -> Int {
        let slot = nextSlot(record.kind)
        let change = Change.insert(slot: slot, record)
        apply(change)
        changes.append(change)
        return slot
    }

    /// Replaces the record in a slot and records the change.
    public func replace(_ slot: Int, with record: Record, in changes: inout ChangeSet) {
        guard let old = self.record(record.kind, slot) else { preconditionFailure("empty slot") }
        replace(slot, old: old, with: record, in: &changes)
    }

    /// The same, for a caller that has just read the record in the slot (`old`): not reading it
    /// again through the kind's store saves a third of `complete`.
    func replace(_ slot: Int, old: Record, with record: Record, in changes: inout ChangeSet) {
        let change = Change.update(slot: slot, old: old, new: record)
        apply(change)
        changes.append(change)
    }

    /// Changes the session's settings and records the change; nothing when they are the same.
    public func change(settings new: SessionSettings, in changes: inout ChangeSet) {
        guard new != settings else { return }
        let change = Change.settings(old: settings, new: new)
        apply(change)
        changes.append(change)
    }

    /// Sets the settings of a session being loaded from a file, recording no change.
    public func restore(settings: SessionSettings) {
        self.settings = settings
    }

    /// Deletes the record in a slot and records the change.
    public func delete(_ kind: EntityKind, _ slot: Int, in changes: inout ChangeSet) {
        guard let old = record(kind, slot) else { preconditionFailure("empty slot") }
        let change = Change.delete(slot: slot, old)
        apply(change)
        changes.append(change)
    }

    /// Puts a record in its slot while a saved session is being loaded: empty slots before it
    /// stay empty (the tombstones of removed records), and no ``Change`` or id-log entry is
    /// recorded. Only for a session no one has looked at yet: load kinds in
    /// `EntityKind.dependencyOrder` and slots in increasing order, with every reference valid
    /// (a unit's parent may come later among the units).
    public func restore(_ record: Record, at slot: Int) {
        version &+= 1
        store(record.kind).insert(record, at: slot, in: self, logged: false)
    }

    /// A record was put in `slot` of `kind`: every reverse index naming the kind gets a list for it.
    func grewTable(_ kind: EntityKind, to slot: Int) {
        for (store, field) in reverseIndexes[kind.ordinal] { store.growReverse(field, to: slot) }
    }
}
