/// The whole training session in memory: every record of every kind, with the indexes that
/// keep lookups and references fast at a province's scale (10⁶ cadres, 10⁷ enrollments).
///
/// All changes go through four primitives (`insert`, `replace`, `delete`, and their use in
/// `apply`/`revert`), which keep every index right and record a ``Change``; the validated
/// operations in `Session+Operations.swift` are built on them. Nothing here does I/O.
public final class Session {
    public private(set) var units = Table<Unit>()
    public private(set) var cadres = Table<Cadre>()
    public private(set) var courses = Table<Course>()
    public private(set) var enrollments = Table<Enrollment>()
    public private(set) var rules = Table<Rule>()
    public private(set) var exemptions = Table<Exemption>()
    public private(set) var budgets = Table<Budget>()
    public private(set) var plans = Table<Plan>()
    public private(set) var inspections = Table<Inspection>()
    public private(set) var findings = Table<Finding>()
    public private(set) var practices = Table<Practice>()
    /// `today` and `day-hours`: session state, changed through ``Change/settings(old:new:)``.
    public private(set) var settings = SessionSettings.standard

    /// Goes up with every change, so caches built from the records (the sorted id index
    /// TAB completion uses) know when to rebuild.
    public private(set) var version = 0
    /// `version` for the records of one kind, so a cache about one kind (the id index of
    /// cadres) survives changes to the others (enrollments).
    private var kindVersions: [EntityKind: Int] = [:]
    public func version(of kind: EntityKind) -> Int { kindVersions[kind, default: 0] }

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

    private var idLogs: [EntityKind: IDLog] = [:]
    public func idLog(_ kind: EntityKind) -> IDLog { idLogs[kind] ?? IDLog() }

    /// id → slot, for the kinds that have ids.
    private var idIndex: [EntityKind: [String: Int]] = [:]
    /// (cadre, course) → enrollment slot.
    private var enrollmentIndex: [Pair: Int] = [:]
    /// (cadre, rule) → exemption slot.
    private var exemptionIndex: [Pair: Int] = [:]
    /// (unit, year) → budget / plan slot.
    private var budgetIndex: [Pair: Int] = [:]
    private var planIndex: [Pair: Int] = [:]

    /// Reverse indexes: the records that refer to a unit, cadre, course. Order inside a list
    /// is not meaningful; callers sort slots when order matters.
    public private(set) var cadresByUnit: [[Int32]] = []
    public private(set) var childUnits: [[Int32]] = []
    public private(set) var enrollmentsByCadre: [[Int32]] = []
    public private(set) var enrollmentsByCourse: [[Int32]] = []

    struct Pair: Hashable {
        let a: Int32
        let b: Int32
        init(_ a: Int, _ b: Int) { self.a = Int32(a); self.b = Int32(b) }
    }

    public init() {
        for kind in EntityKind.allCases where kind.hasID { idIndex[kind] = [:] }
    }

    // MARK: - Looking up

    /// How many records of a kind there are.
    public func count(_ kind: EntityKind) -> Int {
        switch kind {
        case .unit: units.count
        case .cadre: cadres.count
        case .course: courses.count
        case .enrollment: enrollments.count
        case .rule: rules.count
        case .exemption: exemptions.count
        case .budget: budgets.count
        case .plan: plans.count
        case .inspection: inspections.count
        case .finding: findings.count
        case .practice: practices.count
        }
    }

    /// Slots of a kind in the order the records were added.
    public func slots(_ kind: EntityKind) -> [Int] {
        switch kind {
        case .unit: units.slots
        case .cadre: cadres.slots
        case .course: courses.slots
        case .enrollment: enrollments.slots
        case .rule: rules.slots
        case .exemption: exemptions.slots
        case .budget: budgets.slots
        case .plan: plans.slots
        case .inspection: inspections.slots
        case .finding: findings.slots
        case .practice: practices.slots
        }
    }

    /// The slot of the record with this id, or nil.
    public func slot(_ kind: EntityKind, id: String) -> Int? { idIndex[kind]?[id] }

    /// All ids of a kind (for "did you mean" and completion).
    public func ids(_ kind: EntityKind) -> Dictionary<String, Int>.Keys? { idIndex[kind]?.keys }

    public func enrollmentSlot(cadre: Int, course: Int) -> Int? { enrollmentIndex[Pair(cadre, course)] }
    public func exemptionSlot(cadre: Int, rule: Int) -> Int? { exemptionIndex[Pair(cadre, rule)] }
    public func budgetSlot(unit: Int, year: Int) -> Int? { budgetIndex[Pair(unit, year)] }
    public func planSlot(unit: Int, year: Int) -> Int? { planIndex[Pair(unit, year)] }

    /// The record in a slot, as a ``Record``.
    public func record(_ kind: EntityKind, _ slot: Int) -> Record? {
        switch kind {
        case .unit: units[slot].map(Record.unit)
        case .cadre: cadres[slot].map(Record.cadre)
        case .course: courses[slot].map(Record.course)
        case .enrollment: enrollments[slot].map(Record.enrollment)
        case .rule: rules[slot].map(Record.rule)
        case .exemption: exemptions[slot].map(Record.exemption)
        case .budget: budgets[slot].map(Record.budget)
        case .plan: plans[slot].map(Record.plan)
        case .inspection: inspections[slot].map(Record.inspection)
        case .finding: findings[slot].map(Record.finding)
        case .practice: practices[slot].map(Record.practice)
        }
    }

    /// The slot a new record of this kind would take.
    public func nextSlot(_ kind: EntityKind) -> Int {
        switch kind {
        case .unit: units.nextSlot
        case .cadre: cadres.nextSlot
        case .course: courses.nextSlot
        case .enrollment: enrollments.nextSlot
        case .rule: rules.nextSlot
        case .exemption: exemptions.nextSlot
        case .budget: budgets.nextSlot
        case .plan: plans.nextSlot
        case .inspection: inspections.nextSlot
        case .finding: findings.nextSlot
        case .practice: practices.nextSlot
        }
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
        if let kind = change.kind { kindVersions[kind, default: 0] &+= 1 }
        switch change {
        case .settings(_, let new):
            settings = new
        case .insert(let slot, let record):
            insert(record, at: slot)
            if let id = record.id { idLogs[record.kind, default: IDLog()].append(id, slot, added: true) }
        case .update(let slot, let old, let new):
            unindex(old, slot)
            store(new, at: slot, replacing: true)
            index(new, slot)
        case .delete(let slot, let record):
            delete(record, at: slot)
            if let id = record.id { idLogs[record.kind, default: IDLog()].append(id, slot, added: false) }
        }
    }

    /// Applies a change set forwards (redo).
    public func apply(_ changes: ChangeSet) {
        for change in changes.changes { apply(change) }
    }

    /// Takes a change set back (undo, or rolling back a command that failed half-way).
    public func revert(_ changes: ChangeSet) {
        for change in changes.changes.reversed() { apply(change.inverse) }
    }

    /// Inserts a record as the next of its kind and records the change.
    @discardableResult
    public func append(_ record: Record, to changes: inout ChangeSet) -> Int {
        let slot = nextSlot(record.kind)
        let change = Change.insert(slot: slot, record)
        apply(change)
        changes.changes.append(change)
        return slot
    }

    /// Replaces the record in a slot and records the change.
    public func replace(_ slot: Int, with record: Record, in changes: inout ChangeSet) {
        guard let old = self.record(record.kind, slot) else { preconditionFailure("empty slot") }
        let change = Change.update(slot: slot, old: old, new: record)
        apply(change)
        changes.changes.append(change)
    }

    /// Changes the session's settings and records the change; nothing when they are the same.
    public func change(settings new: SessionSettings, in changes: inout ChangeSet) {
        guard new != settings else { return }
        let change = Change.settings(old: settings, new: new)
        apply(change)
        changes.changes.append(change)
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
        changes.changes.append(change)
    }

    /// Puts a record in its slot while a saved session is being loaded: empty slots before it
    /// stay empty (the tombstones of removed records), and no ``Change`` or id-log entry is
    /// recorded. Only for a session no one has looked at yet: load kinds in
    /// `EntityKind.dependencyOrder` and slots in increasing order, with every reference valid
    /// (a unit's parent may come later among the units).
    public func restore(_ record: Record, at slot: Int) {
        if case .unit(let u) = record, let p = u.parent {
            grow(&cadresByUnit, to: p)
            grow(&childUnits, to: p)
        }
        version &+= 1
        kindVersions[record.kind, default: 0] &+= 1
        insert(record, at: slot)
    }

    private func insert(_ record: Record, at slot: Int) {
        store(record, at: slot, replacing: false)
        index(record, slot)
    }

    private func delete(_ record: Record, at slot: Int) {
        unindex(record, slot)
        switch record.kind {
        case .unit: units.remove(at: slot)
        case .cadre: cadres.remove(at: slot)
        case .course: courses.remove(at: slot)
        case .enrollment: enrollments.remove(at: slot)
        case .rule: rules.remove(at: slot)
        case .exemption: exemptions.remove(at: slot)
        case .budget: budgets.remove(at: slot)
        case .plan: plans.remove(at: slot)
        case .inspection: inspections.remove(at: slot)
        case .finding: findings.remove(at: slot)
        case .practice: practices.remove(at: slot)
        }
    }

    private func store(_ record: Record, at slot: Int, replacing: Bool) {
        switch record {
        case .unit(let r): replacing ? units.replace(r, at: slot) : units.put(r, at: slot)
        case .cadre(let r): replacing ? cadres.replace(r, at: slot) : cadres.put(r, at: slot)
        case .course(let r): replacing ? courses.replace(r, at: slot) : courses.put(r, at: slot)
        case .enrollment(let r): replacing ? enrollments.replace(r, at: slot) : enrollments.put(r, at: slot)
        case .rule(let r): replacing ? rules.replace(r, at: slot) : rules.put(r, at: slot)
        case .exemption(let r): replacing ? exemptions.replace(r, at: slot) : exemptions.put(r, at: slot)
        case .budget(let r): replacing ? budgets.replace(r, at: slot) : budgets.put(r, at: slot)
        case .plan(let r): replacing ? plans.replace(r, at: slot) : plans.put(r, at: slot)
        case .inspection(let r): replacing ? inspections.replace(r, at: slot) : inspections.put(r, at: slot)
        case .finding(let r): replacing ? findings.replace(r, at: slot) : findings.put(r, at: slot)
        case .practice(let r): replacing ? practices.replace(r, at: slot) : practices.put(r, at: slot)
        }
    }

    private func index(_ record: Record, _ slot: Int) {
        switch record {
        case .unit(let u):
            idIndex[.unit]![u.id] = slot
            grow(&cadresByUnit, to: slot)
            grow(&childUnits, to: slot)
            if let p = u.parent { childUnits[p].append(Int32(slot)) }
        case .cadre(let c):
            idIndex[.cadre]![c.id] = slot
            grow(&enrollmentsByCadre, to: slot)
            cadresByUnit[c.unit].append(Int32(slot))
        case .course(let c):
            idIndex[.course]![c.id] = slot
            grow(&enrollmentsByCourse, to: slot)
        case .enrollment(let e):
            enrollmentIndex[Pair(Int(e.cadre), Int(e.course))] = slot
            enrollmentsByCadre[Int(e.cadre)].append(Int32(slot))
            enrollmentsByCourse[Int(e.course)].append(Int32(slot))
        case .rule(let r): idIndex[.rule]![r.id] = slot
        case .exemption(let x): exemptionIndex[Pair(x.cadre, x.rule)] = slot
        case .budget(let b): budgetIndex[Pair(b.unit, b.year)] = slot
        case .plan(let p): planIndex[Pair(p.unit, p.year)] = slot
        case .inspection(let i): idIndex[.inspection]![i.id] = slot
        case .finding(let f): idIndex[.finding]![f.id] = slot
        case .practice(let p): idIndex[.practice]![p.id] = slot
        }
    }

    private func unindex(_ record: Record, _ slot: Int) {
        switch record {
        case .unit(let u):
            idIndex[.unit]![u.id] = nil
            if let p = u.parent { remove(Int32(slot), from: &childUnits[p]) }
        case .cadre(let c):
            idIndex[.cadre]![c.id] = nil
            remove(Int32(slot), from: &cadresByUnit[c.unit])
        case .course(let c): idIndex[.course]![c.id] = nil
        case .enrollment(let e):
            enrollmentIndex[Pair(Int(e.cadre), Int(e.course))] = nil
            remove(Int32(slot), from: &enrollmentsByCadre[Int(e.cadre)])
            remove(Int32(slot), from: &enrollmentsByCourse[Int(e.course)])
        case .rule(let r): idIndex[.rule]![r.id] = nil
        case .exemption(let x): exemptionIndex[Pair(x.cadre, x.rule)] = nil
        case .budget(let b): budgetIndex[Pair(b.unit, b.year)] = nil
        case .plan(let p): planIndex[Pair(p.unit, p.year)] = nil
        case .inspection(let i): idIndex[.inspection]![i.id] = nil
        case .finding(let f): idIndex[.finding]![f.id] = nil
        case .practice(let p): idIndex[.practice]![p.id] = nil
        }
    }

    private func grow(_ lists: inout [[Int32]], to slot: Int) {
        while lists.count <= slot { lists.append([]) }
    }

    private func remove(_ value: Int32, from list: inout [Int32]) {
        if let i = list.lastIndex(of: value) { list.remove(at: i) }
    }
}
