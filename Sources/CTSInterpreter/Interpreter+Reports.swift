import CTSDomain
import CTSLanguage

/// The five ready-made reports of spec §3.
extension Interpreter {
    func report(_ command: Command) throws -> Effect {
        guard case .report(let report, let output) = command.body else { preconditionFailure() }
        let kind = report.kind.value
        if let by = report.groupBy, kind != .compliance {
            throw Diagnostic.error(RunProblem.reportTakesNoBy(kind), at: by.range)
        }
        if let under = report.under, !kind.takesUnder {
            throw Diagnostic.error(RunProblem.reportTakesNoUnder(kind), at: under.range)
        }
        try checkChart(output, grouped: kind == .budget || kind == .compliance && report.groupBy != nil)
        let underSlot = try report.under.map { (u) throws(Diagnostic) in try slot(.unit, u) }
        let result: ResultTable
        switch kind {
        case .compliance: result = try compliance(report, under: underSlot, command)
        case .budget: result = try budget(report, under: underSlot, command)
        case .inspections: result = try inspections(report, command)
        case .courses: result = try courses(report, command)
        case .plan: result = try plan(report, under: underSlot, command)
        }
        return try table(result, output)
    }

    private func arguments(_ report: Report, _ command: Command, count: ClosedRange<Int>, usage: String)
        throws(Diagnostic)
    {
        if report.arguments.count > count.upperBound {
            let extra = report.arguments[count.upperBound]
            throw .error(
                RunProblem.reportArguments(
                    missing: nil, extra: files[extra.range.fileID].text(extra.range), usage: usage),
                at: extra.range)
        }
        guard report.arguments.count >= count.lowerBound else {
            // The placeholder after `report KIND` in the usage: RULE, Y1..Y2, YEAR.
            let missing = usage.split(separator: " ").dropFirst(2).first.map(String.init) ?? "an argument"
            throw .error(RunProblem.reportArguments(missing: missing, extra: nil, usage: usage), at: report.kind.range)
        }
    }

    private func period(_ argument: Argument) throws(Diagnostic) -> Period {
        switch try value(of: argument) {
        case .period(let p): return p
        case .number(let y) where y.integer.map { (1...9999).contains($0) } ?? false:
            return Period(years: y.integer!, y.integer!)!
        default: throw .error(RunProblem.expectedPeriod, at: argument.range)
        }
    }

    /// part / whole in per cent, to one decimal; nothing when whole is 0.
    static func percent(_ part: Number, of whole: Number) -> Value {
        whole.isZero ? .null : .number((part / whole * 100).rounded(places: 1))
    }

    static func percent(_ part: Int, of whole: Int) -> Value { percent(Number(part), of: Number(whole)) }

    // MARK: compliance

    /// report compliance RULE [by unit|level|category|rank] [under UNIT]
    private func compliance(_ report: Report, under: Int?, _ command: Command) throws -> ResultTable {
        try arguments(report, command, count: 1...1, usage: "report compliance RULE [by unit|level|category|rank]")
        let rule = try slot(.rule, report.arguments[0])
        let r = session.rules[rule]!
        let condition = try ruleCondition(rule, at: report.arguments[0].range)
        let groupings = ReportKind.compliance.groupings
        if let by = report.groupBy, !groupings.contains(by.value) {
            throw Diagnostic.error(RunProblem.complianceGrouping(by.value, groupings: groupings), at: by.range)
        }
        struct Tally {
            var cadres = 0, compliant = 0, short = Number.zero

            mutating func add(_ hours: Number, toward minimum: Number) {
                cadres += 1
                if hours >= minimum { compliant += 1 } else { short += minimum - hours }
            }
        }
        let terms = session.terms(ofRule: rule)!
        // Every cadre's hours in one pass over the enrollments (read in order, not cadre by cadre).
        let hoursOf = session.hoursByCadre(toward: terms)
        var groups: [Value: Tally] = [:]
        var total = Tally()
        // Tallies by the group's key, numbered as first met.
        var tallies: [Tally] = [], keys: [Value] = []
        var numbers: [Value: Int] = [:]
        func group(_ key: Value) -> Int {
            if let g = numbers[key] { return g }
            numbers[key] = keys.count
            keys.append(key)
            tallies.append(Tally())
            return keys.count - 1
        }
        let by = report.groupBy?.value
        let byUnit = by == "unit" || by == "level"
        // A cadre's fields are read in place (a copy of each cadre through the generic table
        // retains its strings). The group of each unit (by unit or level) or of each rank or
        // category is worked out once: per-slot arrays, -1 until known, not dictionaries.
        let unitOf = session.fastRefReader(.cadre, "unit")!
        let ordinalOf = by == "rank" || by == "category" ? session.fastOrdinalReader(.cadre, by!) : nil
        var groupOf = [Int](repeating: -1, count: byUnit ? session.nextSlot(.unit) : ordinalOf == nil ? 1 : 64)
        // `under X`: which units lie below X, once per unit rather than up the tree per cadre.
        var inside: [Bool]?
        if let under {
            var marks = [Bool](repeating: false, count: session.nextSlot(.unit))
            for unit in QueryPlan.units(in: .under(under), of: session) { marks[unit] = true }
            inside = marks
        }
        let anyExempt = session.count(.exemption) > 0
        let applies = condition.truth
        // session.slots(.cadre), not cadres.slots: the generic Table.slots is not specialised
        // outside CTSDomain and copies every row through its value witnesses.
        for cadre in session.slots(.cadre) {
            try checkInterrupt(cadre)
            let unit = unitOf(cadre)!
            if let inside, !inside[unit] { continue }
            guard try applies(cadre),
                !(anyExempt && session.isExempt(cadre: cadre, rule: rule))
            else { continue }
            let hours = hoursOf[cadre]
            total.add(hours, toward: terms.minimum)
            let at = byUnit ? unit : ordinalOf.map { $0(cadre)! } ?? 0
            if groupOf[at] < 0 {
                switch by {
                case "unit": groupOf[at] = group(.ref(.unit, session.name(of: .unit, unit)))
                case "level": groupOf[at] = group(.enumeration(session.units[unit]!.level.enumValue))
                case "category": groupOf[at] = group(.enumeration(EnumValue(.category, at)))
                case "rank": groupOf[at] = group(.enumeration(EnumValue(.rank, at)))
                default: groupOf[at] = group(.null)
                }
            }
            tallies[groupOf[at]].add(hours, toward: terms.minimum)
        }
        for (key, tally) in zip(keys, tallies) { groups[key] = tally }
        func row(_ t: Tally) -> [Value] {
            [
                .number(Number(t.cadres)), .number(Number(t.compliant)),
                Self.percent(t.compliant, of: t.cadres), .number(t.short),
            ]
        }
        let columns = ["cadres", "compliant", "compliant-%", "hours-short"]
        var result: ResultTable
        if let by = report.groupBy {
            let keys = groups.keys.sorted { ValueOperations.sortOrder($0, $1) < 0 }
            result = ResultTable(columns: [by.value] + columns, rows: keys.map { [$0] + row(groups[$0]!) })
            result.chart = ChartShape(labels: [0], value: 3, percent: true)
        } else {
            result = ResultTable(columns: columns, rows: [row(total)])
        }
        result.title =
            "Compliance with \(r.id): \(r.title) (\(r.hours) hours in \(r.period))"
            + (under.map { " under \(session.units[$0]!.id)" } ?? "")
        let percent = Self.percent(total.compliant, of: total.cadres)
        result.notes = [
            "\(Session.counted(total.cadres, .cadre)) under the rule, \(total.compliant) compliant"
                + (percent.isNull ? "" : " (\(percent)%)") + ", \(total.short) hours short in all"
        ]
        return result
    }

    // MARK: budget

    /// report budget Y1..Y2 [under UNIT]
    private func budget(_ report: Report, under: Int?, _ command: Command) throws -> ResultTable {
        try arguments(report, command, count: 1...1, usage: "report budget Y1..Y2 [under UNIT]")
        let span = try period(report.arguments[0])
        var lines = session.budgets.slots.compactMap { session.budgets[$0] }.filter { line in
            (span.firstYear...span.lastYear).contains(line.year)
                && (under.map { session.unit(line.unit, isUnder: $0) } ?? true)
        }
        lines.sort { a, b in
            let x = session.units[a.unit]!.id, y = session.units[b.unit]!.id
            return x != y ? x < y : a.year < b.year
        }
        var rows: [[Value]] = []
        var lagging: [String] = []
        for line in lines {
            let unitID = session.units[line.unit]!.id
            let previous = session.budgetSlot(unit: line.unit, year: line.year - 1).flatMap { session.budgets[$0] }
            var fundsGrowth = Value.null, revenueGrowth = Value.null, lag = Value.null
            if let p = previous {
                fundsGrowth = Self.percent(line.funds - p.funds, of: p.funds)
                revenueGrowth = Self.percent(line.revenue - p.revenue, of: p.revenue)
                if case .number(let f) = fundsGrowth, case .number(let r) = revenueGrowth {
                    lag = .bool(f < r)
                    if f < r { lagging.append("\(unitID) \(line.year)") }
                }
            }
            rows.append([
                .ref(.unit, unitID), .number(Number(line.year)), .number(line.funds), .number(line.revenue),
                line.spent.map(Value.number) ?? .null, fundsGrowth, revenueGrowth, lag,
            ])
        }
        var result = ResultTable(
            title: "Training budgets \(span)" + (under.map { " under \(session.units[$0]!.id)" } ?? ""),
            columns: [
                "unit", "year", "funds", "revenue", "spent", "funds-growth-%",
                "revenue-growth-%", "lagging",
            ], rows: rows)
        result.chart = ChartShape(labels: [0], value: 1, series: [2, 3])
        result.notes =
            lagging.isEmpty
            ? ["funds kept pace with revenue everywhere"]
            : ["funds grew slower than revenue: \(lagging.joined(separator: ", "))"]
        return result
    }

    // MARK: inspections

    /// report inspections [open|overdue]
    private func inspections(_ report: Report, _ command: Command) throws -> ResultTable {
        try arguments(report, command, count: 0...1, usage: "report inspections [open|overdue]")
        var filter = "all"
        if let arg = report.arguments.first {
            filter = try value(of: arg).description.lowercased()
            guard ReportKind.inspectionFilters.contains(filter) else {
                throw Diagnostic.error(
                    RunProblem.inspectionFilter(filter, filters: ReportKind.inspectionFilters), at: arg.range)
            }
        }
        let today = self.today
        struct Key: Hashable { let unit: String; let severity: Severity }
        var groups: [Key: (findings: Int, open: Int, overdue: Int)] = [:]
        var overdueNotes: [String] = []
        for slot in session.findings.slots {
            let f = session.findings[slot]!
            // As of `today`: a finding exists once its inspection took place, and is open
            // until the day it was resolved.
            let inspection = session.inspections[f.inspection]!
            guard inspection.date <= today else { continue }
            let isOpen = f.resolved.map { $0 > today } ?? true
            let isOverdue = isOpen && f.due < today
            if filter == "open" && !isOpen || filter == "overdue" && !isOverdue { continue }
            let unit = session.units[inspection.unit]!.id
            let key = Key(unit: unit, severity: f.severity)
            var g = groups[key] ?? (0, 0, 0)
            g.findings += 1
            if isOpen { g.open += 1 }
            if isOverdue {
                g.overdue += 1
                let days = Int(today.daysSinceEpoch - f.due.daysSinceEpoch)
                overdueNotes.append(
                    "\(f.id) (\(unit), \(f.severity.rawValue)) was due \(f.due), \(days) days ago: \(f.text)")
            }
            groups[key] = g
        }
        let keys = groups.keys.sorted { $0.unit != $1.unit ? $0.unit < $1.unit : $0.severity > $1.severity }
        let rows: [[Value]] = keys.map { k in
            let g = groups[k]!
            return [
                .ref(.unit, k.unit), .enumeration(k.severity.enumValue), .number(Number(g.findings)),
                .number(Number(g.open)), .number(Number(g.overdue)),
            ]
        }
        let title =
            filter == "all" ? "Inspection findings" : "\(filter == "open" ? "Open" : "Overdue") inspection findings"
        var result = ResultTable(
            title: "\(title) as of \(today)",
            columns: ["unit", "severity", "findings", "open", "overdue"], rows: rows)
        result.notes = overdueNotes.isEmpty ? ["no finding is overdue"] : ["overdue:"] + overdueNotes.map { "  " + $0 }
        return result
    }

    // MARK: courses

    /// report courses Y1..Y2
    private func courses(_ report: Report, _ command: Command) throws -> ResultTable {
        try arguments(report, command, count: 1...1, usage: "report courses Y1..Y2")
        let span = try period(report.arguments[0])
        struct Key: Hashable { let kind: CourseKind; let provider: String }
        struct Tally {
            var courses = 0, capacity = 0, withCapacity = 0, enrolledWithCapacity = 0, enrolled = 0, completed = 0
            var hours = Number.zero
        }
        var groups: [Key: Tally] = [:]
        for slot in session.courses.slots {
            let c = session.courses[slot]!
            guard span.contains(c.start) else { continue }
            let key = Key(kind: c.kind, provider: session.units[c.provider]!.id)
            var t = groups[key] ?? Tally()
            t.courses += 1
            var enrolled = 0
            for e in session.enrollmentsByCourse[slot] {
                let enrollment = session.enrollments[Int(e)]!
                if enrollment.status != .withdrawn { enrolled += 1 }
                if enrollment.status == .completed {
                    t.completed += 1
                    t.hours += enrollment.hours ?? 0
                }
            }
            t.enrolled += enrolled
            if let cap = c.capacity {
                t.capacity += cap
                t.withCapacity += 1
                t.enrolledWithCapacity += enrolled
            }
            groups[key] = t
        }
        let keys = groups.keys.sorted { $0.kind != $1.kind ? $0.kind < $1.kind : $0.provider < $1.provider }
        let rows: [[Value]] = keys.map { k in
            let t = groups[k]!
            return [
                .enumeration(k.kind.enumValue), .ref(.unit, k.provider), .number(Number(t.courses)),
                .number(Number(t.enrolled)), .number(Number(t.completed)),
                t.withCapacity == 0 ? .null : Self.percent(t.enrolledWithCapacity, of: t.capacity),
                .number(t.hours),
            ]
        }
        return ResultTable(
            title: "Courses starting in \(span)",
            columns: ["kind", "provider", "courses", "enrolled", "completed", "fill-%", "hours"], rows: rows,
            notes: ["fill-% counts courses with a capacity; hours are credited class hours"])
    }

    // MARK: plan

    /// report plan YEAR [under UNIT]
    private func plan(_ report: Report, under: Int?, _ command: Command) throws -> ResultTable {
        try arguments(report, command, count: 1...1, usage: "report plan YEAR")
        let year = try wholeNumber(report.arguments[0], in: 1...9999, "a year such as 2010")
        let span = Period(years: year, year)!
        var plans = session.plans.slots.compactMap { session.plans[$0] }.filter { p in
            p.year == year && (under.map { session.unit(p.unit, isUnder: $0) } ?? true)
        }
        plans.sort { session.units[$0.unit]!.id < session.units[$1.unit]!.id }
        var rows: [[Value]] = []
        for p in plans {
            var participants = 0
            var hours = Number.zero
            var stack = [p.unit]
            while let unit = stack.popLast() {
                try checkInterrupt(unit)
                stack += session.childUnits[unit].map(Int.init)
                for cadre in session.cadresByUnit[unit] {
                    let h = session.hours(cadre: Int(cadre), in: span)
                    if h > 0 { participants += 1; hours += h }
                }
            }
            rows.append([
                .ref(.unit, session.units[p.unit]!.id), .number(Number(p.participants)), .number(Number(participants)),
                Self.percent(participants, of: p.participants), .number(p.hours), .number(hours),
                Self.percent(hours, of: p.hours),
            ])
        }
        return ResultTable(
            title: "Plan against actual training, \(year)" + (under.map { " under \(session.units[$0]!.id)" } ?? ""),
            columns: [
                "unit", "planned-participants", "participants", "participants-%",
                "planned-hours", "hours", "hours-%",
            ], rows: rows,
            notes: ["actual: cadres of the unit and the units below it with class hours credited in \(year)"])
    }
}
