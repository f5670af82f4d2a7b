@testable import CTSDomain
import Testing

/// A date from its parts; fails the test (and traps) on an impossible date.
func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

/// Builds records through the same path commands use (`makeRecord` then `add`), one change set
/// per call, like one command each.
struct Builder {
    let session: Session

    @discardableResult
    func add(_ kind: EntityKind, _ fields: [String: Value]) throws -> Int {
        var changes = ChangeSet()
        let record = try session.makeRecord(kind, fields)
        return try session.add(record, &changes)
    }

    @discardableResult
    func unit(_ id: String, parent: String? = nil, level: String = "province", kind: String = "locality") throws -> Int
    {
        var f: [String: Value] = [
            "id": .text(id), "name": .text("Unit \(id)"), "kind": .text(kind),
            "level": .text(level),
        ]
        if let parent { f["parent"] = .text(parent) }
        return try add(.unit, f)
    }

    @discardableResult
    func cadre(
        _ id: String, unit: String, rank: String = "county", category: String = "leading",
        born: Int? = nil
    ) throws -> Int {
        var f: [String: Value] = [
            "id": .text(id), "name": .text("Cadre \(id)"), "unit": .text(unit),
            "rank": .text(rank), "category": .text(category),
        ]
        if let born { f["born"] = .number(Number(born)) }
        return try add(.cadre, f)
    }

    @discardableResult
    func course(
        _ id: String, kind: String = "off-job", provider: String, start: Day, end: Day,
        hours: Number, capacity: Int? = nil
    ) throws -> Int {
        var f: [String: Value] = [
            "id": .text(id), "title": .text("Course \(id)"), "kind": .text(kind),
            "provider": .text(provider), "start": .date(start), "end": .date(end),
            "hours": .number(hours),
        ]
        if let capacity { f["capacity"] = .number(Number(capacity)) }
        return try add(.course, f)
    }

    @discardableResult
    func rule(_ id: String, period: Period, hours: Number, kinds: [String]? = nil) throws -> Int {
        var f: [String: Value] = [
            "id": .text(id), "title": .text("Rule \(id)"), "for": .text("status = active"),
            "period": .period(period), "hours": .number(hours),
        ]
        if let kinds { f["kinds"] = .list(kinds.map(Value.text)) }
        return try add(.rule, f)
    }

    func enroll(_ cadre: Int, _ course: Int) throws {
        var changes = ChangeSet()
        try session.enroll(cadre: cadre, course: course, &changes)
    }

    func complete(_ cadre: Int, _ course: Int, hours: Number? = nil, date: Day? = nil) throws {
        var changes = ChangeSet()
        try session.complete(cadre: cadre, course: course, hours: hours, date: date, &changes)
    }
}

/// The province of the spec's workshop example (§7), built directly on the domain.
/// Slots: units js 0, js.org 1, js.ps 2, nj 3, nj.fin 4; cadres c1 0, c2 1, c3 2;
/// courses k1 0, k2 1, k3 2; rules lead5y 0, yearly 1.
func workshopSession() throws -> Session {
    let s = Session()
    let b = Builder(session: s)
    try b.unit("js")
    try b.unit("js.org", parent: "js")
    try b.unit("js.ps", parent: "js", kind: "institution")
    try b.unit("nj", parent: "js", level: "city")
    try b.unit("nj.fin", parent: "nj", level: "city")
    let c1 = try b.cadre("c1", unit: "nj.fin", rank: "county", born: 1966)
    let c2 = try b.cadre("c2", unit: "nj.fin", rank: "staff", category: "civil-servant")
    let c3 = try b.cadre("c3", unit: "js.org", rank: "bureau")
    let k1 = try b.course("k1", provider: "js.ps", start: day(2009, 3, 2), end: day(2009, 4, 24), hours: 300)
    let k2 = try b.course(
        "k2", kind: "short-term", provider: "js.ps", start: day(2009, 5, 11), end: day(2009, 5, 22),
        hours: 90)
    let k3 = try b.course(
        "k3", kind: "lecture", provider: "js.ps", start: day(2010, 6, 1), end: day(2010, 6, 1),
        hours: 3)
    try b.rule("lead5y", period: Period(years: 2008, 2012)!, hours: 550, kinds: ["off-job", "rotation", "short-term"])
    try b.rule("yearly", period: Period(years: 2009, 2009)!, hours: 90)
    for c in [c1, c3] { try b.enroll(c, k1); try b.complete(c, k1) }
    try b.enroll(c1, k2); try b.enroll(c2, k2); try b.complete(c1, k2)
    var changes = ChangeSet()
    try s.mark(cadre: c2, course: k2, .absent, &changes)
    try b.enroll(c2, k3); try b.complete(c2, k3)
    try b.add(
        .budget,
        [
            "unit": .text("nj.fin"), "year": .number(2009), "funds": .number(1_200_000),
            "revenue": .number(32e9),
        ])
    try b.add(
        .budget,
        [
            "unit": .text("nj.fin"), "year": .number(2010), "funds": .number(1_260_000),
            "revenue": .number(36e9),
        ])
    try b.add(
        .inspection,
        [
            "id": .text("i1"), "by": .text("js.org"), "unit": .text("nj.fin"),
            "date": .date(day(2010, 5, 12)), "scope": .text("Training files"),
        ])
    try b.add(
        .finding,
        [
            "id": .text("f1"), "inspection": .text("i1"), "text": .text("Training records incomplete"),
            "severity": .text("medium"), "due": .date(day(2010, 8, 31)),
        ])
    return s
}

/// Everything a session holds, slot by slot, plus what its indexes say; two snapshots are equal
/// exactly when the sessions hold the same records in the same slots and index them the same way.
struct Snapshot: Equatable {
    var units: [Unit?], cadres: [Cadre?], courses: [Course?], enrollments: [Enrollment?], rules: [Rule?]
    var exemptions: [Exemption?], budgets: [Budget?], plans: [Plan?], inspections: [Inspection?]
    var findings: [Finding?], practices: [Practice?]
    /// id → slot for every id the session knows, per kind.
    var ids: [String: [String: Int]]
    /// Reverse indexes, each list sorted (their order is not meaningful), trimmed to live slots.
    var cadresByUnit: [[Int32]], childUnits: [[Int32]], enrollmentsByCadre: [[Int32]], enrollmentsByCourse: [[Int32]]
    var nextSlots: [String: Int]

    init(_ s: Session) {
        units = s.units.rows; cadres = s.cadres.rows; courses = s.courses.rows; enrollments = s.enrollments.rows
        rules = s.rules.rows; exemptions = s.exemptions.rows; budgets = s.budgets.rows; plans = s.plans.rows
        inspections = s.inspections.rows; findings = s.findings.rows; practices = s.practices.rows
        var ids: [String: [String: Int]] = [:]
        for kind in EntityKind.allCases where kind.hasID {
            var map: [String: Int] = [:]
            for id in s.ids(kind).map(Array.init) ?? [] { map[id] = s.slot(kind, id: id) }
            ids[kind.rawValue] = map
        }
        self.ids = ids
        func trimmed(_ lists: [[Int32]], _ count: Int) -> [[Int32]] {
            (0..<count).map { $0 < lists.count ? lists[$0].sorted() : [] }
        }
        cadresByUnit = trimmed(s.cadresByUnit, s.units.rows.count)
        childUnits = trimmed(s.childUnits, s.units.rows.count)
        enrollmentsByCadre = trimmed(s.enrollmentsByCadre, s.cadres.rows.count)
        enrollmentsByCourse = trimmed(s.enrollmentsByCourse, s.courses.rows.count)
        nextSlots = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0.rawValue, s.nextSlot($0)) })
    }
}

/// Every way the session's records and indexes could disagree; empty when all is well.
func integrityProblems(_ s: Session) -> [String] {
    var problems: [String] = []
    for kind in EntityKind.allCases {
        let slots = s.slots(kind)
        if slots.count != s.count(kind) { problems.append("\(kind): count \(s.count(kind)) but \(slots.count) slots") }
        // Every reference names a live record.
        for field in kind.fields {
            guard case .ref(let target) = field.type else { continue }
            guard let read = s.refAccessor(kind, field.name) else {
                problems.append("no reader for \(kind).\(field.name)")
                continue
            }
            for slot in slots {
                if let r = read(slot), s.record(target, r) == nil {
                    problems.append(
                        "\(kind) \(s.name(of: kind, slot)).\(field.name) points at dead \(target) slot \(r)")
                }
            }
        }
        if kind.hasID {
            let known = s.ids(kind).map(Array.init) ?? []
            if known.count != slots.count {
                problems.append("\(kind): \(known.count) ids indexed, \(slots.count) records")
            }
            for slot in slots {
                let id = s.name(of: kind, slot)
                if s.slot(kind, id: id) != slot {
                    problems.append("\(kind) \(id): id index says \(String(describing: s.slot(kind, id: id)))")
                }
            }
        }
    }
    for slot in s.enrollments.slots {
        let e = s.enrollments[slot]!
        if s.enrollmentSlot(cadre: Int(e.cadre), course: Int(e.course)) != slot {
            problems.append("enrollment index at \(slot)")
        }
    }
    for slot in s.exemptions.slots {
        let x = s.exemptions[slot]!
        if s.exemptionSlot(cadre: x.cadre, rule: x.rule) != slot { problems.append("exemption index at \(slot)") }
    }
    for slot in s.budgets.slots {
        let b = s.budgets[slot]!
        if s.budgetSlot(unit: b.unit, year: b.year) != slot { problems.append("budget index at \(slot)") }
    }
    for slot in s.plans.slots {
        let p = s.plans[slot]!
        if s.planSlot(unit: p.unit, year: p.year) != slot { problems.append("plan index at \(slot)") }
    }
    // Reverse indexes hold exactly the live referrers.
    func check(_ name: String, _ lists: [[Int32]], owners: Int, _ expected: (Int) -> [Int]) {
        for owner in 0..<max(owners, lists.count) {
            let have = owner < lists.count ? lists[owner].map(Int.init).sorted() : []
            let want = expected(owner).sorted()
            if have != want { problems.append("\(name)[\(owner)] is \(have), expected \(want)") }
        }
    }
    check("cadresByUnit", s.cadresByUnit, owners: s.units.rows.count) { u in
        s.cadres.slots.filter { s.cadres[$0]!.unit == u }
    }
    check("childUnits", s.childUnits, owners: s.units.rows.count) { u in
        s.units.slots.filter { s.units[$0]!.parent == u }
    }
    check("enrollmentsByCadre", s.enrollmentsByCadre, owners: s.cadres.rows.count) { c in
        s.enrollments.slots.filter { Int(s.enrollments[$0]!.cadre) == c }
    }
    check("enrollmentsByCourse", s.enrollmentsByCourse, owners: s.courses.rows.count) { k in
        s.enrollments.slots.filter { Int(s.enrollments[$0]!.course) == k }
    }
    return problems
}

/// Runs `body` and returns the domain error it throws, recording an issue when it succeeds.
func domainError(_ sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> DomainError?
{
    do {
        try body()
        Issue.record("expected a domain error, but it succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as DomainError {
        return error
    } catch {
        Issue.record("expected a domain error, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
