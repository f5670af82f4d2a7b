import CTSDomain
import CTSLanguage

/// The session as a canonical `.cts` script (`dump`): running the script in a new session
/// rebuilds the session, and dumping that session gives the same bytes again.
///
/// The script is pure text; the shell decides where it goes.
///
///     let text = Dump.script(of: interpreter.session)
///     // or, for a large session, in pieces of about 64 KiB:
///     Dump.write(interpreter.session) { piece in file.write(piece) }
///
/// **Layout.** A header comment (`# cts session dump`, the format number), then one command per
/// record, each kind in its own block and in slot order, so that `list` order survives:
///
/// 1. units, with every parent before its children (a unit whose parent was added after it
///    moves down to just where its parent allows; otherwise slot order);
/// 2. cadres, all added `active` (a cadre who has left cannot be enrolled);
/// 3. courses;
/// 4. enrollments: `enroll C in K`, followed by `complete C in K hours=N date=D`,
///    `absent C in K` or `withdraw C in K` as its status requires;
/// 5. budgets, plans, inspections, findings (each resolved one followed by
///    `finding resolve F date=D`), practices;
/// 6. rules (a rule used by another rule's condition comes first) and exemptions. Rules come
///    after every other kind because a `for` condition may name any record (`unit = nj.fin`,
///    `count(findings where inspection = i1) > 0`), and nothing but exemptions refers to rules;
/// 7. fix-ups: `course set`, `inspection set` and `cadre set C status=left` for the records
///    whose final values would have refused a command above (see below).
///
/// **Fix-ups.** The session may be in a state no sequence of commands in slot order reaches
/// directly: a course whose capacity was full before a later enrollment was withdrawn (the
/// withdrawn one needed a place when it enrolled), a course whose hours were lowered or start
/// moved after cadres completed it, an inspection dated after a finding of it was resolved,
/// a cadre who left after enrolling. For those the record is added with values that let every
/// command pass (no capacity, the largest credited hours, the earliest completion date, the
/// earliest resolution date, status active) and set to its real values at the end. The
/// decision depends only on the session's records, so a session rebuilt from a dump makes
/// the same decisions and dumps to the same bytes.
///
/// **Values.** Every field is written explicitly, in a fixed order; numbers in shortest form
/// (``Number/description``), dates ISO, course and rule hours always as `hours=` (never days),
/// rule periods as `Y1..Y2` (four-digit years) for whole years and `DATE..DATE` otherwise.
///
/// **Settings.** `set today DATE` comes first when the session fixes today. A course entered
/// under another `day-hours` than 7.5 is preceded by `set day-hours N` (so `complete … days=`
/// on the rebuilt course credits the same), and the session's own `day-hours` is set after
/// the courses when it differs from the last one written. Text is quoted with
/// ``quoted(_:)``; ids are written bare when the lexer reads them as one word, and quoted
/// otherwise (``word(_:)``).
///
/// **Known limits.** A rule's condition is kept as source text, so one that uses a `$variable`,
/// or names a record that was removed after the rule was added, cannot be run again as it is.
public enum Dump {
    /// Goes up when the layout of a dump changes.
    public static let formatVersion = 1

    /// The first lines of every dump.
    public static let header =
        "# cts session dump\n# format \(formatVersion): run it in a new session to rebuild this one\n"

    /// The whole dump as one string.
    public static func script(of session: Session) -> String {
        var out = ""
        write(session, chunkSize: 1 << 20) { out += $0 }
        return out
    }

    /// Writes the dump to `sink` in pieces of roughly `chunkSize` bytes (each a run of whole
    /// lines), so a session of millions of records can go to a file without one huge string.
    public static func write(_ session: Session, chunkSize: Int = 1 << 16, to sink: (String) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var writer = DumpWriter(limit: chunkSize, sink: sink)
            DumpBuilder(session: session).write(&writer)
            writer.flush()
        }
    }

    /// `text` as a string literal of the language: `"` and `\` escaped, newline and tab as
    /// `\n` and `\t`, any other control character (C0, DEL, C1) as `\u{X}`; every other
    /// character, whatever its script, kept as it is.
    public static func quoted(_ text: String) -> String {
        if !needsEscapes(text) { return "\"" + text + "\"" }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: #"\""#.unicodeScalars)
            case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }

    /// An id as an argument: bare when the lexer reads it as exactly one word (`js.org`,
    /// `c-0001`, `张三`), quoted otherwise (`"2009"`, `"1e5"`, `"a=b"`).
    public static func word(_ id: String) -> String {
        isBareWord(id) ? id : quoted(id)
    }

    /// Whether the lexer reads `text` as one word token covering all of it.
    static func isBareWord(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first else { return false }
        // Fast path: ASCII, starting with a letter or `_`, then letters, digits, `_ - . /`.
        if isASCIILetter(first) || first == UInt8(ascii: "_") {
            if utf8.allSatisfy({
                isASCIILetter($0) || isDigit($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E || $0 == 0x2F
            }) {
                return true
            }
        }
        var lexer = Lexer(text: text, fileID: 0)
        let first2 = lexer.next(), second = lexer.next()
        return first2.kind == .word && second.kind == .endOfFile
            && first2.range.start.utf8Offset == 0 && first2.range.end.utf8Offset == utf8.count
    }

    /// The order in which `dump` (and `export`) write the records of a kind: slot order, except
    /// that units come after their parents and rules after the rules their conditions use.
    public static func order(_ kind: EntityKind, of session: Session) -> [Int] {
        switch kind {
        case .unit: DumpBuilder.unitOrder(session)
        case .rule: DumpBuilder.ruleOrder(session)
        default: session.slots(kind)
        }
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func needsEscapes(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
            // C1 controls U+0080...U+009F are C2 80...C2 9F.
            if previous == 0xC2, b >= 0x80, b <= 0x9F { return true }
            previous = b
        }
        return false
    }
}

/// Collects lines and hands them to the sink in pieces.
struct DumpWriter {
    var out = ""
    let limit: Int
    let sink: (String) -> Void

    init(limit: Int, sink: @escaping (String) -> Void) {
        self.limit = limit
        self.sink = sink
    }

    mutating func line(_ text: String) {
        out += text
        out += "\n"
        if out.utf8.count >= limit { flush() }
    }

    mutating func blank() { line("") }

    mutating func flush() {
        if !out.isEmpty { sink(out); out = "" }
    }
}

/// Works out the order and the fix-ups, then writes the commands.
struct DumpBuilder {
    let session: Session
    /// Ids as written, by slot (nil for empty slots), for the kinds other records refer to.
    let unitIDs: [String?], cadreIDs: [String?], courseIDs: [String?], ruleIDs: [String?], inspectionIDs: [String?]

    init(session: Session) {
        self.session = session
        func ids<Row>(_ table: Table<Row>, _ id: (Row) -> String) -> [String?] {
            table.rows.map { $0.map { Dump.word(id($0)) } }
        }
        unitIDs = ids(session.units, \.id)
        cadreIDs = ids(session.cadres, \.id)
        courseIDs = ids(session.courses, \.id)
        ruleIDs = ids(session.rules, \.id)
        inspectionIDs = ids(session.inspections, \.id)
    }

    func write(_ w: inout DumpWriter) {
        let s = session
        w.out += Dump.header
        let fixes = CourseFixes(session: s)
        if let today = s.settings.today {
            w.blank()
            w.line("set today \(today)")
        }
        // Each course is added under the day-hours it was entered with; the session's own
        // setting is restored after them.
        var dayHours = SessionSettings.standard.dayHours

        section(&w, Self.unitOrder(s)) { [add(.unit, $0)] }
        section(&w, s.cadres.slots) { slot in
            let c = s.cadres[slot]!
            var line =
                "cadre add \(cadreIDs[slot]!) \(Dump.quoted(c.name)) unit=\(unitIDs[c.unit]!) rank=\(c.rank.rawValue)"
                + " category=\(c.category.rawValue)"
            if let born = c.born { line += " born=\(born)" }
            return [line]
        }
        section(&w, s.courses.slots) { slot in
            let c = s.courses[slot]!
            let start = min(c.start, fixes.earliestCompletion[slot] ?? c.start)
            let hours = max(c.hours, fixes.mostCredited[slot] ?? c.hours)
            var line =
                "course add \(courseIDs[slot]!) \(Dump.quoted(c.title)) kind=\(c.kind.rawValue)"
                + " provider=\(unitIDs[c.provider]!) start=\(start) end=\(c.end) hours=\(hours)"
            if let cap = c.capacity, !fixes.capacityDeferred.contains(slot) { line += " capacity=\(cap)" }
            if let o = c.organizer { line += " organizer=\(unitIDs[o]!)" }
            guard c.dayHours != dayHours else { return [line] }
            dayHours = c.dayHours
            return ["set day-hours \(dayHours)", line]
        }
        if dayHours != s.settings.dayHours {
            w.blank()
            w.line("set day-hours \(s.settings.dayHours)")
        }
        section(&w, s.enrollments.slots) { slot in
            let e = s.enrollments[slot]!
            let who = "\(cadreIDs[Int(e.cadre)]!) in \(courseIDs[Int(e.course)]!)"
            switch e.status {
            case .enrolled: return ["enroll \(who)"]
            case .completed:
                var line = "complete \(who)"
                if let h = e.hours { line += " hours=\(h)" }
                if let d = e.date { line += " date=\(d)" }
                return ["enroll \(who)", line]
            case .absent: return ["enroll \(who)", "absent \(who)"]
            case .withdrawn: return ["enroll \(who)", "withdraw \(who)"]
            }
        }
        section(&w, s.budgets.slots) { slot in
            let b = s.budgets[slot]!
            var line = "budget set \(unitIDs[b.unit]!) \(b.year) funds=\(b.funds) revenue=\(b.revenue)"
            if let spent = b.spent { line += " spent=\(spent)" }
            return [line]
        }
        section(&w, s.plans.slots) { slot in
            let p = s.plans[slot]!
            return ["plan set \(unitIDs[p.unit]!) \(p.year) participants=\(p.participants) hours=\(p.hours)"]
        }
        // An inspection dated after the resolution of one of its findings is added with the
        // earliest such date and set to its own date at the end.
        var earliestResolution: [Int: Day] = [:]
        for slot in s.findings.slots {
            let f = s.findings[slot]!
            if let r = f.resolved, r < s.inspections[f.inspection]!.date {
                earliestResolution[f.inspection] = min(r, earliestResolution[f.inspection] ?? r)
            }
        }
        section(&w, s.inspections.slots) { slot in
            let i = s.inspections[slot]!
            let date = earliestResolution[slot] ?? i.date
            var line =
                "inspection add \(inspectionIDs[slot]!) by=\(unitIDs[i.by]!) unit=\(unitIDs[i.unit]!) date=\(date)"
            if let scope = i.scope { line += " scope=\(Dump.quoted(scope))" }
            return [line]
        }
        section(&w, s.findings.slots) { slot in
            let f = s.findings[slot]!
            let id = Dump.word(f.id)
            var lines = [
                "finding add \(id) inspection=\(inspectionIDs[f.inspection]!) \(Dump.quoted(f.text))"
                    + " severity=\(f.severity.rawValue) due=\(f.due)"
            ]
            if f.status == .resolved, let r = f.resolved { lines.append("finding resolve \(id) date=\(r)") }
            return lines
        }
        section(&w, s.practices.slots) { slot in
            let p = s.practices[slot]!
            return [
                "practice add \(Dump.word(p.id)) unit=\(unitIDs[p.unit]!) year=\(p.year) \(Dump.quoted(p.text))"
                    + " promoted=\(p.promoted ? "yes" : "no")"
            ]
        }
        // Kinds without a shape of their own: `KIND add ID field=value …`, before the rules.
        for kind in EntityKind.dependencyOrder where kind.hasID && !Self.ownSections.contains(kind) {
            section(&w, s.slots(kind)) { [add(kind, $0)] }
        }
        section(&w, Self.ruleOrder(s)) { slot in
            let r = s.rules[slot]!
            var line =
                "rule add \(ruleIDs[slot]!) \(Dump.quoted(r.title)) for=(\(r.condition)) period=\(r.period.spanText)"
                + " hours=\(r.hours)"
            if let kinds = r.kinds, !kinds.isEmpty { line += " kinds=" + kinds.map(\.rawValue).joined(separator: ",") }
            return [line]
        }
        section(&w, s.exemptions.slots) { slot in
            let x = s.exemptions[slot]!
            return ["exempt \(cadreIDs[x.cadre]!) from \(ruleIDs[x.rule]!) reason=\(Dump.quoted(x.reason))"]
        }

        // Fix-ups, in slot order within each kind.
        var fixups: [String] = []
        for slot in s.courses.slots {
            let c = s.courses[slot]!
            var parts: [String] = []
            if let d = fixes.earliestCompletion[slot], d < c.start { parts.append("start=\(c.start)") }
            if let h = fixes.mostCredited[slot], h > c.hours { parts.append("hours=\(c.hours)") }
            if fixes.capacityDeferred.contains(slot), let cap = c.capacity { parts.append("capacity=\(cap)") }
            if !parts.isEmpty { fixups.append("course set \(courseIDs[slot]!) " + parts.joined(separator: " ")) }
        }
        for slot in s.inspections.slots where earliestResolution[slot] != nil {
            fixups.append("inspection set \(inspectionIDs[slot]!) date=\(s.inspections[slot]!.date)")
        }
        for slot in s.cadres.slots where s.cadres[slot]!.status == .left {
            fixups.append("cadre set \(cadreIDs[slot]!) status=left")
        }
        section(&w, Array(fixups.indices)) { [fixups[$0]] }
    }

    /// The kinds with a section of their own above: units (first, parents before children) and
    /// the kinds with a shape of their own (a default left out, a second command for the status,
    /// a fix-up at the end, a positional in another place). Every other kind gets a section of
    /// ``add(_:_:)`` lines before the rules.
    static let ownSections: Set<EntityKind> = [
        .unit, .cadre, .course, .enrollment, .rule, .exemption, .budget, .plan, .inspection, .finding, .practice,
    ]

    /// `KIND add` with the positionals of the command (`unit add ID "NAME"`), then every other
    /// field that has a value as `field=value`, in declaration order.
    func add(_ kind: EntityKind, _ slot: Int) -> String {
        let record = session.record(kind, slot)!
        let positionals = CommandTable.spec(named: "\(kind.singular) add")?.positionals.compactMap(\.field) ?? ["id"]
        var line = "\(kind.singular) add"
        for name in positionals {
            guard let field = kind.field(named: name) else { continue }
            line += " " + Self.written(session.value(of: record, field: name), field.type)
        }
        for field in kind.fields where !positionals.contains(field.name) {
            let value = session.value(of: record, field: field.name)
            if !value.isNull { line += " \(field.name)=" + Self.written(value, field.type) }
        }
        return line
    }

    /// A value as a command argument: ids bare when they can be, text quoted, a condition in
    /// parentheses, a period as `Y1..Y2` or `DATE..DATE`, anything else as it prints.
    static func written(_ value: Value, _ type: FieldType) -> String {
        switch (value, type) {
        case (.text(let id), .id), (.ref(_, let id), _): Dump.word(id)
        case (.text(let text), .condition): "(\(text))"
        case (.text(let text), _): Dump.quoted(text)
        case (.period(let p), _): p.spanText
        default: value.description
        }
    }

    /// One block of commands, preceded by a blank line; nothing when there are no records.
    private func section(_ w: inout DumpWriter, _ slots: [Int], _ lines: (Int) -> [String]) {
        guard !slots.isEmpty else { return }
        w.blank()
        for slot in slots {
            for line in lines(slot) { w.line(line) }
        }
    }

    /// Units with every parent before its children: each step writes the unit of lowest slot
    /// whose parent has been written (the smallest such order).
    static func unitOrder(_ session: Session) -> [Int] {
        let slots = session.units.slots
        var children: [Int: [Int]] = [:]
        var ready = MinHeap()
        for slot in slots {
            if let p = session.units[slot]!.parent { children[p, default: []].append(slot) } else { ready.push(slot) }
        }
        if children.isEmpty { return slots }
        var order: [Int] = []
        order.reserveCapacity(slots.count)
        while let u = ready.pop() {
            order.append(u)
            for c in children[u] ?? [] { ready.push(c) }
        }
        return order
    }

    /// Rules with every rule that a condition uses (`hours(R)`, `compliant(R)`, `applies(R)`,
    /// `... of rule R`) before it; otherwise slot order.
    static func ruleOrder(_ session: Session) -> [Int] {
        let slots = session.rules.slots
        var dependents: [Int: [Int]] = [:]
        var waiting: [Int: Int] = [:]
        var ready = MinHeap()
        for slot in slots {
            let uses = ruleReferences(session.rules[slot]!.condition, session).subtracting([slot])
            for u in uses { dependents[u, default: []].append(slot) }
            if uses.isEmpty { ready.push(slot) } else { waiting[slot] = uses.count }
        }
        if waiting.isEmpty { return slots }
        var order: [Int] = []
        while let r = ready.pop() {
            order.append(r)
            for d in dependents[r] ?? [] {
                waiting[d]! -= 1
                if waiting[d] == 0 { ready.push(d) }
            }
        }
        // A cycle cannot be made (rule commands refuse one); were there one, keep slot order.
        if order.count < slots.count {
            let written = Set(order)
            order += slots.filter { !written.contains($0) }
        }
        return order
    }

    /// Slots of the rules a condition uses: the argument of a function that takes a rule
    /// (``FunctionSpec/takesRule``) and `… of rule R`, read from the condition parsed as the
    /// rule's own condition is. A condition that no longer parses names no rule.
    private static func ruleReferences(_ condition: String, _ session: Session) -> Set<Int> {
        guard let expression = try? Parser.condition(condition, fileID: 0).expression else { return [] }
        var found = Set<Int>()
        for e in expression.all {
            let id: String?
            switch e.kind {
            case .call(let name, let args) where Functions.takingRules.contains(name.value) && args.count == 1:
                switch args[0].kind {
                case .word(let w): id = w
                case .string(let s): id = s
                default: id = args[0].written
                }
            case .of(_, let target, let argument) where target.value == .rule:
                switch argument.kind {
                case .word(let w): id = w
                case .string(let s): id = s
                default: id = argument.written
                }
            default: id = nil
            }
            if let id, let slot = session.slot(.rule, id: id) { found.insert(slot) }
        }
        return found
    }
}

/// What courses need so that replaying enrollments in slot order passes every check.
private struct CourseFixes {
    /// Courses whose capacity would refuse an `enroll` of the replay (a place taken by an
    /// enrollment that was later withdrawn or marked absent, after the course filled up).
    var capacityDeferred = Set<Int>()
    /// The most hours credited by a completed enrollment, per course.
    var mostCredited: [Int: Number] = [:]
    /// The earliest completion date, per course.
    var earliestCompletion: [Int: Day] = [:]

    init(session s: Session) {
        var taken: [Int: Int] = [:]
        for slot in s.enrollments.slots {
            let e = s.enrollments[slot]!
            let course = Int(e.course)
            let c = s.courses[course]!
            let before = taken[course, default: 0]
            if let cap = c.capacity, before + 1 > cap { capacityDeferred.insert(course) }
            if e.status == .enrolled || e.status == .completed { taken[course] = before + 1 }
            if e.status == .completed {
                if let h = e.hours, h > c.hours { mostCredited[course] = max(h, mostCredited[course] ?? h) }
                if let d = e.date, d < c.start { earliestCompletion[course] = min(d, earliestCompletion[course] ?? d) }
            }
        }
    }
}

/// A binary min-heap of slots.
private struct MinHeap {
    private var items: [Int] = []

    mutating func push(_ x: Int) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[parent] > items[i] else { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l] < items[m] { m = l }
                if r < items.count, items[r] < items[m] { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
