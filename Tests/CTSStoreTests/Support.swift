import CTSDomain
@testable import CTSStore
import Foundation
import Testing

/// A date from its parts.
func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TempDir {
    let path: String

    init() {
        var base = NSTemporaryDirectory()
        while base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/cts-store-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// File names in the directory, sorted.
    var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}

func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map(Array.init) ?? [] }

func write(_ data: [UInt8], to path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(data))
}

func mode(_ path: String) -> Int { Int(FileSystem.mode(path) ?? 0) }

/// Every record of every kind with its slot, empty slots included (as nil), for comparing sessions.
func snapshot(_ s: Session) -> [EntityKind: [Record?]] {
    var result: [EntityKind: [Record?]] = [:]
    for kind in EntityKind.allCases {
        let last = s.slots(kind).last ?? -1
        result[kind] = last < 0 ? [] : (0...last).map { s.record(kind, $0) }
    }
    return result
}

/// Expects two sessions to hold the same records in the same slots, kind by kind.
func expectSameSession(_ a: Session, _ b: Session, sourceLocation: SourceLocation = #_sourceLocation) {
    let x = snapshot(a), y = snapshot(b)
    for kind in EntityKind.allCases {
        #expect(x[kind]! == y[kind]!, "\(kind.plural) differ", sourceLocation: sourceLocation)
        #expect(a.count(kind) == b.count(kind), "\(kind.plural) counts differ", sourceLocation: sourceLocation)
    }
}

/// Builds sessions for the tests, one change set per call like one command each, keeping every
/// change set so tests can write them to a file.
final class SessionBuilder {
    let session = Session()
    private(set) var changeSets: [ChangeSet] = []

    @discardableResult
    func add(_ record: Record) throws -> Int {
        var changes = ChangeSet()
        let slot = try session.add(record, &changes)
        changeSets.append(changes)
        return slot
    }

    func run(_ body: (Session, inout ChangeSet) throws -> Void) throws {
        var changes = ChangeSet()
        try body(session, &changes)
        changeSets.append(changes)
    }

    func takeChangeSets() -> [ChangeSet] {
        defer { changeSets = [] }
        return changeSets
    }

    /// A small province with every kind of record and every field, Unicode names, absent
    /// optionals, a withdrawn enrollment, a resolved finding, an exemption, a rule with kinds,
    /// a cadre who left, a unit whose parent was added after it, and removed records leaving
    /// empty slots in the middle of several tables.
    static func province() throws -> SessionBuilder {
        let b = SessionBuilder()
        let js = try b.add(.unit(Unit(id: "js", name: "Jiangsu Province 江苏省", kind: .locality, level: .province)))
        let org = try b.add(
            .unit(
                Unit(
                    id: "js.org", name: "Organization Department of Jiangsu", kind: .organization,
                    level: .province, parent: js)))
        let ps = try b.add(
            .unit(
                Unit(
                    id: "js.ps", name: "Escuela del Partido — ñandú 🎓", kind: .institution,
                    level: .province, parent: js)))
        let gone = try b.add(.unit(Unit(id: "gone", name: "To be removed", kind: .workplace, level: .township)))
        let nj = try b.add(.unit(Unit(id: "nj", name: "Nanjing 南京", kind: .locality, level: .city, parent: js)))
        let fin = try b.add(
            .unit(
                Unit(
                    id: "nj.fin", name: "Nanjing Finance Bureau", kind: .department, level: .city,
                    parent: nj)))
        let lg = try b.add(
            .unit(
                Unit(
                    id: "lg", name: "Leading group \"quoted\", comma", kind: .leadingGroup,
                    level: .central)))
        // A unit whose parent comes later: slot of `orphan` < slot of its parent `late`.
        let orphan = try b.add(.unit(Unit(id: "orphan", name: "Adopted later", kind: .workplace, level: .county)))
        let late = try b.add(.unit(Unit(id: "late", name: "Late parent", kind: .locality, level: .county)))
        try b.run { s, c in try s.update(.unit, orphan, with: [("parent", .ref(.unit, "late"))], &c) }
        _ = late
        try b.run { s, c in _ = try s.remove(.unit, gone, cascade: false, &c) }

        let c1 = try b.add(
            .cadre(
                Cadre(
                    id: "c1", name: "Li Wei 李伟", unit: fin, rank: .county, category: .leading,
                    born: 1966)))
        let c2 = try b.add(.cadre(Cadre(id: "c2", name: "Wang Fang", unit: fin, rank: .staff, category: .civilServant)))
        let c3 = try b.add(
            .cadre(Cadre(id: "c3", name: "Zhang Min – 张敏", unit: org, rank: .bureau, category: .leading)))
        let cx = try b.add(.cadre(Cadre(id: "cx", name: "Removed", unit: org, rank: .staff, category: .trainer)))
        let c4 = try b.add(
            .cadre(
                Cadre(
                    id: "c4", name: "José Núñez 🙂", unit: lg, rank: .national,
                    category: .grassroots, born: 1950, status: .left)))
        let c5 = try b.add(
            .cadre(
                Cadre(
                    id: "c5", name: "Enterprise one", unit: nj, rank: .township,
                    category: .enterprise)))
        _ = c4
        try b.run { s, c in _ = try s.remove(.cadre, cx, cascade: false, &c) }

        let k1 = try b.add(
            .course(
                Course(
                    id: "k1", title: "Scientific Outlook on Development", kind: .offJob,
                    provider: ps, start: day(2009, 3, 2), end: day(2009, 4, 24), hours: 300)))
        let k2 = try b.add(
            .course(
                Course(
                    id: "k2", title: "Public Finance Basics — finanzas", kind: .shortTerm,
                    provider: ps, organizer: org, start: day(2009, 5, 11), end: day(2009, 5, 22),
                    hours: 90, capacity: 30)))
        let k3 = try b.add(
            .course(
                Course(
                    id: "k3", title: "Rural Reform Lecture", kind: .lecture, provider: ps,
                    start: day(2010, 6, 1), end: day(2010, 6, 1), hours: 2.5)))

        try b.run { s, c in
            try s.enroll(cadre: c1, course: k1, &c)
            try s.enroll(cadre: c3, course: k1, &c)
        }
        try b.run { s, c in try s.complete(cadre: c1, course: k1, hours: nil, date: nil, &c) }
        try b.run { s, c in try s.complete(cadre: c3, course: k1, hours: 150.5, date: day(2009, 4, 20), &c) }
        try b.run { s, c in
            try s.enroll(cadre: c1, course: k2, &c)
            try s.enroll(cadre: c2, course: k2, &c)
            try s.enroll(cadre: c5, course: k2, &c)
            try s.enroll(cadre: c2, course: k3, &c)
        }
        try b.run { s, c in try s.mark(cadre: c2, course: k2, .absent, &c) }
        try b.run { s, c in try s.mark(cadre: c5, course: k2, .withdrawn, &c) }
        // An enrollment removed from the middle of the table.
        try b.run { s, c in _ = try s.remove(.enrollment, s.enrollmentSlot(cadre: c1, course: k2)!, cascade: false, &c)
        }

        let lead = try b.add(
            .rule(
                Rule(
                    id: "lead5y", title: "Leading cadres: 550 hours in 5 years",
                    condition: "category = leading and rank >= county",
                    period: Period(years: 2008, 2012)!, hours: 550,
                    kinds: [.offJob, .rotation, .shortTerm])))
        _ = try b.add(
            .rule(
                Rule(
                    id: "yearly", title: "Every cadre: 12 days a year", condition: "status = active",
                    period: Period(years: 2009, 2009)!, hours: 90)))
        _ = try b.add(
            .rule(
                Rule(
                    id: "h1", title: "First half", condition: "rank >= bureau",
                    period: Period(first: day(2009, 1, 1), last: day(2009, 6, 30)), hours: 10, kinds: [])))
        try b.run { s, c in try s.exempt(cadre: c3, rule: lead, reason: "Seconded abroad — 借调", &c) }

        _ = try b.add(.budget(Budget(unit: fin, year: 2009, funds: 1_200_000, revenue: 3.2e10)))
        _ = try b.add(.budget(Budget(unit: fin, year: 2010, funds: 1_260_000, revenue: 3.6e10, spent: 1_100_000.25)))
        _ = try b.add(.plan(Plan(unit: fin, year: 2009, participants: 40, hours: 90)))

        let i1 = try b.add(
            .inspection(
                Inspection(
                    id: "i1", by: org, unit: fin, date: day(2010, 5, 12),
                    scope: "Training files 培训档案")))
        let i2 = try b.add(.inspection(Inspection(id: "i2", by: org, unit: nj, date: day(2010, 7, 1))))
        _ = i2
        _ = try b.add(
            .finding(
                Finding(
                    id: "f1", inspection: i1, text: "Records incomplete for 2009",
                    severity: .medium, due: day(2010, 8, 31))))
        let f2 = try b.add(
            .finding(
                Finding(
                    id: "f2", inspection: i1, text: "No plan", severity: .high,
                    due: day(2010, 9, 30))))
        try b.run { s, c in try s.resolve(finding: f2, on: day(2010, 9, 1), &c) }
        _ = try b.add(.practice(Practice(id: "p1", unit: nj, text: "Evening classes 夜校", year: 2010, promoted: true)))
        _ = try b.add(.practice(Practice(id: "p2", unit: fin, text: "Online quizzes", year: 2011)))
        return b
    }

    /// `units` units, `cadres` cadres and `enrollments` enrollments spread over 200 courses.
    static func large(units: Int = 100, cadres: Int, enrollments: Int) throws -> SessionBuilder {
        let b = SessionBuilder()
        var changes = ChangeSet()
        let s = b.session
        for u in 0..<units {
            _ = try s.add(
                .unit(
                    Unit(
                        id: "u\(u)", name: "Unit \(u) 单位", kind: .department, level: .county,
                        parent: u == 0 ? nil : (u - 1) / 10)), &changes)
        }
        for c in 0..<cadres {
            _ = try s.add(
                .cadre(
                    Cadre(
                        id: "c\(c)", name: "Cadre \(c) 干部", unit: c % units, rank: .county,
                        category: .civilServant, born: 1950 + c % 40)), &changes)
        }
        let courses = 200
        for k in 0..<courses {
            _ = try s.add(
                .course(
                    Course(
                        id: "k\(k)", title: "Course \(k)", kind: .online, provider: k % units,
                        start: day(2009, 1, 1 + k % 28), end: day(2009, 2, 1 + k % 28), hours: 40)),
                &changes)
        }
        // enrollment i: cadre i % cadres, course i / cadres (distinct pairs while i < cadres × courses).
        for i in 0..<enrollments {
            let e = Enrollment(
                cadre: i % cadres, course: i / cadres, status: i % 3 == 0 ? .completed : .enrolled,
                hours: i % 3 == 0 ? 40 : nil, date: i % 3 == 0 ? day(2009, 2, 2) : nil)
            s.append(.enrollment(e), to: &changes)
        }
        b.changeSets.append(changes)
        return b
    }
}

/// Runs a program, returning its process once it has printed a first line (or ended).
final class Child {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// The first line the child printed.
    func readLine() -> String {
        var line: [UInt8] = []
        let handle = output.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte.first == 10 { break }
            line.append(byte.first!)
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// Closes the child's standard input (the python children exit on it) and waits.
    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    func kill9() {
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }
}
