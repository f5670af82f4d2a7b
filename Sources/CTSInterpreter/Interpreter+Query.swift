import CTSDomain
import CTSLanguage

extension Interpreter {
    /// list, count, stats and print.
    func query(_ command: Command) throws -> Effect {
        switch command.body {
        case .list(_, let output), .print(_, let output): try checkChart(output, grouped: false)
        case .count(let query, let output), .stats(_, let query, let output):
            try checkChart(output, grouped: query.groupBy != nil)
        default: break
        }
        switch command.body {
        case .list(let query, let output):
            return try table(try list(query), output)
        case .count(let query, let output):
            return try table(try aggregate(nil, query, header: nil), output)
        case .stats(let expression, let query, let output):
            return try table(try aggregate(expression, query, header: nil), output)
        case .print(let expression, let output):
            let bound = try Binder(interpreter: self, kind: nil).bind(expression)
            let value = try bound.evaluate(-1)
            if output.format == nil && output.redirect == nil { return .text(value.description) }
            return try table(ResultTable(columns: ["value"], rows: [[value]]), output)
        default:
            preconditionFailure("not a query")
        }
    }

    /// Wraps a result with the output clause, resolving its format name (or the session's
    /// format) into the ``OutputSpec`` the shell writes it with.
    func table(_ result: ResultTable, _ output: OutputClause) throws(Diagnostic) -> Effect {
        var format = settings.format
        if let name = output.format {
            guard let named = OutputFormat(rawValue: name.value) else {
                throw .error(RunProblem.unknownFormat(name.value, formats: Settings.formats), at: name.range)
            }
            format = named
            if named.needsChartShape && result.chart == nil {
                throw .error(RunProblem.chartNeedsGroups, at: name.range)
            }
        }
        var redirect: RedirectTarget?
        if let r = output.redirect {
            redirect = RedirectTarget(path: try text(of: r.path), append: r.append, range: r.path.range)
            // `> cadres.json` without `as`: the file's name says what it holds. `>>` adds to a
            // file in the format it is asked for, as it always has.
            if output.format == nil, !r.append, let named = OutputFormat(fileName: redirect!.path) { format = named }
        }
        if format == .xlsx {
            // A workbook is one zip file: it goes to a file, whole.
            // Without a redirect the format came from `as` (`set format` never takes xlsx).
            guard let redirect else { throw .error(RunProblem.workbookNeedsFile, at: output.format!.range) }
            if redirect.append { throw .error(RunProblem.workbookAppend, at: redirect.range) }
        }
        return .table(result, spec: OutputSpec(format), redirect: redirect)
    }

    /// `as chart` on a command whose result has no groups fails before the command runs.
    func checkChart(_ output: OutputClause, grouped: Bool) throws(Diagnostic) {
        if !grouped, let name = output.format, OutputFormat(rawValue: name.value)?.needsChartShape == true {
            throw .error(RunProblem.chartNeedsGroups, at: name.range)
        }
    }

    /// A result shown on the screen in the session's format (`show`, `set` without arguments).
    func shown(_ result: ResultTable) -> Effect {
        .table(result, spec: OutputSpec(settings.format), redirect: nil)
    }

    /// Slots of the query's collection that match its condition, in the order they were added.
    func matching(_ query: Query, _ binder: Binder) throws -> [Int] {
        let kind = query.collection.value
        guard let condition = query.condition else { return session.slots(kind) }
        let bound = try binder.condition(condition)
        var slots: [Int]
        var test = bound.truth
        if kind == .cadre, let scope = bound.scope {
            // `unit under X and …`: only the cadres of the units below X can match, and for
            // them the part of the condition the scope decides need not be tested.
            slots = QueryPlan.cadres(in: scope, of: session)
            if bound.scopeDecides { return slots }
            if let filter = bound.inScopeFilter { return filter(slots) }
            test = bound.inScope ?? bound.truth
        } else {
            slots = session.slots(kind)
            if let filter = bound.filter { return filter(slots) }
        }
        binder.scan.records = slots.count
        // Kept in place: the matching slots are a prefix of the candidates, in the same order.
        var kept = 0
        for i in slots.indices {
            try checkInterrupt(i)
            if try test(slots[i]) {
                slots[kept] = slots[i]
                kept += 1
            }
        }
        slots.removeLast(slots.count - kept)
        return slots
    }

    /// list COLLECTION [where] [sort] [limit] [columns]
    func list(_ query: Query) throws -> ResultTable {
        let kind = query.collection.value
        let binder = Binder(interpreter: self, kind: kind)
        var slots = try matching(query, binder)
        if !query.sort.isEmpty {
            let keys = try query.sort.map { key throws(Diagnostic) in
                let bound = try binder.bind(key.expression)
                // A word that is no field would sort by a constant: say so instead.
                if bound.type == .word {
                    let word = bound.word ?? ""
                    let suggestion = Suggestion.closest(to: word, in: kind.fields.map(\.name))
                    throw .error(BindProblem.noSuchField(kind, word, suggestion: suggestion), at: bound.range)
                }
                return (bound, key.descending)
            }
            // The keys of row r are values[r * width ..< (r + 1) * width]: one array, not one per row.
            let width = keys.count
            // The closures alone: iterating the keys would copy each `Bound` (a retain per
            // closure it holds) for every row.
            let evaluators = keys.map { Key($0.0.evaluate) }
            var values: [Value] = []
            values.reserveCapacity(slots.count * width)
            binder.scan.records = slots.count
            for (i, slot) in slots.enumerated() {
                try checkInterrupt(i)
                for key in evaluators { values.append(try key.evaluate(slot)) }
            }
            let descending = keys.map(\.1)
            let candidates = slots
            // Rows are compared by their positions in `candidates`, ties broken by slot.
            let precedes = { (a: Int, b: Int) -> Bool in
                for k in 0..<width {
                    let c = ValueOperations.sortOrder(values[a * width + k], values[b * width + k])
                    if c != 0 { return descending[k] ? c > 0 : c < 0 }
                }
                return candidates[a] < candidates[b]
            }
            let rows = Array(candidates.indices)
            let order =
                query.limit.map { QueryPlan.first($0.value, of: rows, by: precedes) } ?? rows.sorted(by: precedes)
            slots = order.map { candidates[$0] }
        }
        if let limit = query.limit { slots = Array(slots.prefix(limit.value)) }
        let columns: [(header: String, bound: Bound)]
        if query.columns.isEmpty {
            columns = try kind.fields.map { field throws(Diagnostic) in
                (field.name, try binder.bind(Expr(.word(field.name), query.collection.range)))
            }
        } else {
            columns = try query.columns.map { column throws(Diagnostic) in
                let bound = try binder.bind(column.expression)
                if bound.type == .word {
                    let word = bound.word ?? ""
                    let suggestion = Suggestion.closest(to: word, in: kind.fields.map(\.name))
                    throw .error(BindProblem.noSuchField(kind, word, suggestion: suggestion), at: bound.range)
                }
                return (column.header, bound)
            }
        }
        var rows: [[Value]] = []
        rows.reserveCapacity(slots.count)
        binder.scan.records = slots.count
        for (i, slot) in slots.enumerated() {
            try checkInterrupt(i)
            rows.append(try columns.map { try $0.bound.evaluate(slot) })
        }
        return ResultTable(columns: columns.map(\.header), rows: rows)
    }

    /// count (expression nil) or stats (expression given), optionally by a field.
    func aggregate(_ expression: Expr?, _ query: Query, header: String?) throws -> ResultTable {
        let binder = Binder(interpreter: self, kind: query.collection.value)
        // Without a condition nothing can fail before the measure and the group are bound.
        let slots = query.condition == nil ? nil : try matching(query, binder)
        let measure = try expression.map { (e) throws(Diagnostic) in
            try binder.expect(try binder.bind(e), .number, "stats")
        }
        let group = try query.groupBy.map { (g) throws(Diagnostic) -> Bound in
            let bound = try binder.bind(g)
            if bound.type == .word {
                let kind = query.collection.value, word = bound.word ?? ""
                let suggestion = Suggestion.closest(to: word, in: kind.fields.map(\.name))
                throw .error(BindProblem.noSuchField(kind, word, suggestion: suggestion), at: bound.range)
            }
            return bound
        }
        var groups = Groups()
        // A group read from the cadre's unit (`by unit.level`) is computed once per unit.
        let unitOf = query.collection.value == .cadre ? group?.cadreUnit : nil
        if let group, let unitOf, slots == nil, measure == nil {
            // Every cadre counts, each in its unit's group: count a unit's cadres at once.
            for (i, cadres) in session.cadresByUnit.enumerated() where !cadres.isEmpty {
                try checkInterrupt(i)
                let unit = unitOf(Int(cadres[0]))
                groups.add(cadres.count, to: try groups.index(unit: unit) { try group.evaluate(Int(cadres[0])) })
            }
        } else {
            let slots = slots ?? session.slots(query.collection.value)
            binder.scan.records = slots.count
            for (i, slot) in slots.enumerated() {
                try checkInterrupt(i)
                let g: Int
                if let group, let unitOf {
                    g = try groups.index(unit: unitOf(slot)) { try group.evaluate(slot) }
                } else {
                    g = groups.index(try group?.evaluate(slot) ?? .null)
                }
                groups.add(1, to: g)
                if let measure, case .number(let n) = try measure.evaluate(slot) { groups.values[g].add(n) }
            }
        }
        if let measure, groups.values.contains(where: { !$0.sum.isFinite }) {
            throw Diagnostic.error(RunProblem.sumTooLarge, at: measure.range)
        }
        if group == nil && groups.keys.isEmpty { _ = groups.index(.null) }
        let order = groups.keys.indices.sorted { ValueOperations.sortOrder(groups.keys[$0], groups.keys[$1]) < 0 }
        let groupHeader = query.groupBy.map { g in canonical(g) }
        var columns = groupHeader.map { [$0] } ?? []
        columns += measure == nil ? ["count"] : ["count", "sum", "avg", "min", "max"]
        let rows: [[Value]] = order.map { g in
            var row: [Value] = group == nil ? [] : [groups.keys[g]]
            if measure == nil {
                row.append(.number(Number(groups.counts[g])))
            } else {
                let v = groups.values[g]
                row += [.number(Number(v.count)), .number(v.sum), v.result(.avg), v.result(.min), v.result(.max)]
            }
            return row
        }
        var result = ResultTable(columns: columns, rows: rows)
        // count: the count; stats: the average.
        if group != nil { result.chart = ChartShape(labels: [0], value: measure == nil ? 1 : 3) }
        return result
    }

    /// The groups of a count or stats, numbered in the order they were first met.
    private struct Groups {
        var keys: [Value] = []
        var counts: [Int] = []
        var values: [Accumulator] = []
        private var numbers: [Value: Int] = [:]
        /// The group of each unit slot (-1: not yet known), for a group read from the cadre's
        /// unit: an array, as a dictionary looked up per cadre missed the cache at 10⁶ cadres.
        private var ofUnit: [Int] = []

        /// The number of the group with this key, made when new.
        mutating func index(_ key: Value) -> Int {
            if let g = numbers[key] { return g }
            numbers[key] = keys.count
            keys.append(key)
            counts.append(0)
            values.append(Accumulator())
            return keys.count - 1
        }

        /// The number of the group of a unit's cadres; `key` is their key, asked once per unit.
        mutating func index(unit: Int?, key: () throws -> Value) rethrows -> Int {
            guard let unit else { return index(try key()) }
            if unit < ofUnit.count, ofUnit[unit] >= 0 { return ofUnit[unit] }
            let g = index(try key())
            if unit >= ofUnit.count { ofUnit += repeatElement(-1, count: max(unit + 1 - ofUnit.count, ofUnit.count)) }
            ofUnit[unit] = g
            return g
        }

        mutating func add(_ count: Int, to group: Int) { counts[group] += count }
    }

    /// The header for a `by` expression: its words as written.
    private func canonical(_ expr: Expr) -> String {
        // Only the expression's own bytes: the source may be a script of millions of lines.
        files[expr.range.fileID].text(expr.range)
    }

    // MARK: - show

    /// `E show ID`: every field, then the records that refer to it.
    func show(_ kind: EntityKind, _ command: Command) throws -> Effect {
        guard case .record(let args) = command.body else { preconditionFailure() }
        let slot = try keySlot(kind, args)
        let record = session.record(kind, slot)!
        var rows: [[Value]] = kind.fields.map { [.text($0.name), session.value(of: record, field: $0.name)] }
        var notes: [String] = []
        if kind == .cadre {
            for rule in session.rules.slots {
                let r = session.rules[rule]!
                let applies =
                    (try? ruleCondition(rule, at: command.range).evaluate(slot)).map(ValueOperations.truth) ?? false
                let exempt = session.isExempt(cadre: slot, rule: rule)
                guard applies || exempt else { continue }
                let hours = session.hours(cadre: slot, rule: rule)
                let state = exempt ? "exempt" : (hours >= r.hours ? "compliant" : "short by \(r.hours - hours) hours")
                rows.append([.text("rule \(r.id)"), .text("\(hours) of \(r.hours) hours, \(state)")])
            }
        }
        for (k, slots) in session.referrers(of: kind, slot) {
            let names = slots.prefix(10).map { session.name(of: k, $0) }
            let more = slots.count > 10 ? ", … (\(slots.count) in all)" : ""
            notes.append("\(k.plural): \(names.joined(separator: ", "))\(more)")
        }
        if notes.isEmpty { notes.append("no records refer to it") }
        return shown(
            ResultTable(
                title: "\(kind.singular) \(session.name(of: kind, slot))",
                columns: ["field", "value"], rows: rows, notes: notes))
    }
}
