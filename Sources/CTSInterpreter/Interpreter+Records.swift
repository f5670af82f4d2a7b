import CTSDomain
import CTSLanguage

extension Interpreter {
    /// Performs a mutating command, recording its changes; returns its confirmation.
    func applyChange(_ command: Command, _ changes: inout ChangeSet) throws -> Effect {
        if case .enrollment(let action, let selection, let course, let args) = command.body {
            return try enrollment(action, selection, course, args, command, &changes)
        }
        if case .setOption = command.spec.action, case .simple(let args) = command.body {
            return try setSessionSetting(args, &changes)
        }
        guard case .record(let args) = command.body else { preconditionFailure("record command without arguments") }
        do {
            switch command.spec.action {
            case .add(let kind):
                let record = try session.makeRecord(kind, try fields(args, command))
                try session.add(record, &changes)
                return .confirmation(confirmation("added", of: record))
            case .upsert(let kind):
                let record = try session.makeRecord(kind, try fields(args, command))
                try session.upsert(record, &changes)
                return .confirmation(confirmation("set", of: record))
            case .update(let kind):
                let slot = try slot(kind, args.positionals[0])
                let updates = try fields(args, command)
                let ordered = args.options.compactMap { o -> (String, Value)? in
                    let name = o.key.value == "days" ? "hours" : o.key.value
                    return name == "id" ? nil : updates[name].map { (name, $0) }
                }
                try session.update(kind, slot, with: ordered, &changes)
                if kind == .rule, let condition = args.option("for") {
                    try checkRuleCondition(slot, at: condition.value.range)
                }
                let names = ordered.map(\.0).joined(separator: ", ")
                return .confirmation(
                    "changed \(kind.singular) \(session.name(of: kind, slot))\(names.isEmpty ? "" : ": \(names)")")
            case .remove(let kind):
                let slot = try keySlot(kind, args)
                let name = session.name(of: kind, slot)
                let cascade = args.positionals.count > 1 && args.positionals[1].word?.lowercased() == "cascade"
                let removed = try session.remove(kind, slot, cascade: cascade, &changes)
                let others = removed.compactMap { k, n in
                    let extra = k == kind ? n - 1 : n
                    return extra > 0 ? Session.counted(extra, k) : nil
                }
                if others.isEmpty { return .confirmation("removed \(kind.singular) \(name)") }
                return .text("removed \(kind.singular) \(name) and \(others.joined(separator: ", "))")
            case .exempt:
                let cadre = try slot(.cadre, args.positionals[0])
                let rule = try slot(.rule, args.positionals[2])
                let reason = try text(of: args.option("reason")!.value)
                try session.exempt(cadre: cadre, rule: rule, reason: reason, &changes)
                return .confirmation(
                    "exempted \(session.name(of: .cadre, cadre)) from \(session.name(of: .rule, rule))")
            case .generate:
                return try generateProvince(command, args, &changes)
            case .resolveFinding:
                let finding = try slot(.finding, args.positionals[0])
                let date = try dateOption(args, "date")!
                try session.resolve(finding: finding, on: date, &changes)
                return .confirmation("resolved finding \(session.name(of: .finding, finding)) on \(date)")
            default:
                preconditionFailure("not a record command: \(command.spec.name)")
            }
        } catch let error as DomainError {
            throw diagnostic(error, command, args)
        }
    }

    /// The field values a record command gives, by field name: positional slots that name a
    /// field, and options (`days=N` becomes `hours`; a `for=(...)` condition is checked here).
    func fields(_ args: Arguments, _ command: Command) throws(Diagnostic) -> FieldValues {
        var result = FieldValues(minimumCapacity: args.positionals.count + args.options.count)
        let kind: EntityKind?
        switch command.spec.action {
        case .add(let k), .upsert(let k), .update(let k): kind = k
        default: kind = nil
        }
        // Ids, references and text are words even when they look like numbers: `007` stays `007`.
        let words = kind.map { Self.wordFields[$0.ordinal] } ?? []
        func fieldValue(_ name: String, _ arg: Argument) throws(Diagnostic) -> Value {
            words.contains(name) ? try wordValue(of: arg) : try value(of: arg)
        }
        for (slot, arg) in zip(command.spec.positionals, args.positionals) {
            if let field = slot.field { result[field] = try fieldValue(field, arg) }
        }
        // Looked for by position: `option(_:)` copies the option it returns.
        if let d = args.options.firstIndex(where: { $0.key.value == "days" }),
            let h = args.options.firstIndex(where: { $0.key.value == "hours" })
        {
            let days = args.options[d].range, hours = args.options[h].range
            throw .error(RunProblem.hoursAndDays, at: days.start < hours.start ? hours : days)
        }
        for option in args.options {
            let key = option.key.value
            switch key {
            case "days":
                guard case .number(let d) = try value(of: option.value) else {
                    throw .error(RunProblem.mustBeNumber("days"), at: option.value.range)
                }
                // Said in days, not in the hours they make (`hours must be more than 0, not -7.5`).
                if d <= 0 { throw .error(RunProblem.daysNotPositive(d), at: option.value.range) }
                result["hours"] = .number(d * dayHours(for: command, args))
            case "for":
                guard case .condition(let expression, let source) = option.value.kind else {
                    throw .error(RunProblem.forNeedsCondition, at: option.value.range)
                }
                if let variable = Self.firstVariable(in: expression) {
                    throw .error(RunProblem.ruleConditionVariable(variable.value), at: variable.range)
                }
                _ = try Binder(interpreter: self, kind: .cadre).condition(expression)
                result["for"] = .text(source)
            default:
                result[key] = try fieldValue(key, option.value)
            }
        }
        if case .add(let kind) = command.spec.action, kind == .course || kind == .rule, result["hours"] == nil {
            throw .error(
                RunProblem.needsHours(command: command.spec.name, usage: command.spec.usage), at: command.nameRange)
        }
        return result
    }

    /// For each kind, the fields whose values are words (ids, references, text), worked out once.
    private static let wordFields: [[String]] = EntityKind.allCases.map { kind in
        kind.fields.filter {
            switch $0.type {
            case .id, .ref, .text: true
            default: false
            }
        }.map(\.name)
    }

    /// The first `$variable` in an expression, if any.
    static func firstVariable(in expr: Expr) -> Located<String>? {
        for e in expr.all {
            switch e.kind {
            case .variable(let name): return Located(name, e.range)
            case .of(_, _, let id):
                if case .variable(let name) = id.kind { return Located(name, id.range) }
            default: break
            }
        }
        return nil
    }

    /// The slot named by a remove/show command: an id, or a unit and a year for budgets and plans.
    func keySlot(_ kind: EntityKind, _ args: Arguments) throws(Diagnostic) -> Int {
        if kind.hasID { return try slot(kind, args.positionals[0]) }
        let unit = try slot(.unit, args.positionals[0])
        let yearArg = args.positionals[1]
        let year = try wholeNumber(yearArg, in: 1...9999, "a year such as 2009")
        let found =
            kind == .budget ? session.budgetSlot(unit: unit, year: year) : session.planSlot(unit: unit, year: year)
        guard let found else {
            throw .error(
                RunProblem.noRecordForYear(unit: session.name(of: .unit, unit), kind, year: year), at: yearArg.range)
        }
        return found
    }

    /// The confirmation of an added or set record, naming it by its id, or a budget or plan by
    /// its unit and year (made now: the unit's id could change slot later).
    private func confirmation(_ verb: StaticString, of record: Record) -> ConfirmationText {
        switch record {
        case .cadre(let c): ConfirmationText(verb, .cadre, id: c.id)
        case .course(let c): ConfirmationText(verb, .course, id: c.id)
        case .unit(let u): ConfirmationText(verb, .unit, id: u.id)
        case .budget(let b): ConfirmationText(verb, .budget, id: "\(session.name(of: .unit, b.unit)) \(b.year)")
        case .plan(let p): ConfirmationText(verb, .plan, id: "\(session.name(of: .unit, p.unit)) \(p.year)")
        default: ConfirmationText(verb, record.kind, id: record.id ?? "")
        }
    }

    /// Class hours in a day for `days=`: an existing course's own factor (what a day meant
    /// when it was entered), else the session's `day-hours`.
    private func dayHours(for command: Command, _ args: Arguments) -> Number {
        if case .update(.course) = command.spec.action, let arg = args.positionals.first,
            let course = try? slot(.course, arg)
        {
            return session.courses[course]!.dayHours
        }
        return session.settings.dayHours
    }

    private func dateOption(_ args: Arguments, _ key: String) throws(Diagnostic) -> Day? {
        guard let option = args.option(key) else { return nil }
        switch try value(of: option.value) {
        case .date(let d): return d
        case .text(let s):
            if let d = Day(iso: s) { return d }
            fallthrough
        default: throw .error(RunProblem.dateOption(key), at: option.value.range)
        }
    }

    // MARK: - Session settings

    /// set today DATE|system, set day-hours N
    private func setSessionSetting(_ args: Arguments, _ changes: inout ChangeSet) throws -> Effect {
        let nameArg = args.positionals[0], valueArg = args.positionals[1]
        let name = try value(of: nameArg).description.lowercased()
        let raw = try value(of: valueArg)
        var new = session.settings
        switch name {
        case "day-hours":
            guard case .number(let n) = raw, n > 0, n <= 24, n.isExact else {
                throw Diagnostic.error(RunProblem.dayHoursSetting("\(raw)"), at: valueArg.range)
            }
            new.dayHours = n
        default:
            switch raw {
            case .date(let d): new.today = d
            case .text(let s) where s.lowercased() == "system": new.today = nil
            default:
                throw Diagnostic.error(RunProblem.todaySetting("\(raw)"), at: valueArg.range)
            }
        }
        session.change(settings: new, in: &changes)
        return .confirmation("\(name) is \(raw)")
    }

    // MARK: - Enrollments

    private func enrollment(
        _ action: EnrollmentAction, _ selection: CadreSelection, _ courseArg: Argument,
        _ args: Arguments, _ command: Command, _ changes: inout ChangeSet
    ) throws -> Effect {
        let course = try slot(.course, courseArg)
        var hours: Number?
        var date: Day?
        // Most enrollment lines give no option: looking for three by name (copying an `Option`
        // each time) was a tenth of the command.
        if !args.options.isEmpty {
            let hoursOption = args.option("hours"), daysOption = args.option("days")
            if let option = hoursOption ?? daysOption {
                guard case .number(let n) = try value(of: option.value) else {
                    throw Diagnostic.error(RunProblem.mustBeNumber(option.key.value), at: option.value.range)
                }
                // A day of this course is what a day meant when the course was entered.
                hours = option.key.value == "days" ? n * session.courses[course]!.dayHours : n
            }
            if hoursOption != nil, let daysOption {
                throw Diagnostic.error(RunProblem.hoursAndDays, at: daysOption.range)
            }
            date = try dateOption(args, "date")
        }
        let verb = Self.verb(action)
        // One cadre named by its id, as nearly every line of a big script: no list of cadres or
        // of their names (two allocations a line).
        if case .ids(let items) = selection, items.count == 1 {
            // A word is its own id. Anything else is read as a value: a `$variable` holding a
            // list of ids takes the general path below.
            let id: String?
            if case .word(let word) = items[0].kind {
                id = word
            } else if case .list = try wordValue(of: items[0]) {
                id = nil
            } else {
                id = try wordValue(of: items[0]).description
            }
            if let id {
                let range = items[0].range
                let cadre = try slot(.cadre, id: id, at: range)
                try checkInterrupt(0)
                try step(action, cadre: cadre, at: range, course: course, hours: hours, date: date, args, &changes)
                return .confirmation(
                    ConfirmationText(verb, cadre: session.id(.cadre, cadre)!, in: session.id(.course, course)!))
            }
        }
        var cadres: [(slot: Int, range: SourceRange)] = []
        var bulk = false
        switch selection {
        case .ids(let items):
            for item in items {
                if case .list(let inner) = try wordValue(of: item) {
                    for v in inner {
                        cadres.append((try slot(.cadre, Argument(.word(v.description), item.range)), item.range))
                    }
                } else {
                    cadres.append((try slot(.cadre, item), item.range))
                }
            }
        case .matching(let condition, let range):
            bulk = true
            let bound = try Binder(interpreter: self, kind: .cadre).condition(condition)
            for slot in session.cadres.slots {
                try checkInterrupt(slot)
                if ValueOperations.truth(try bound.evaluate(slot)) { cadres.append((slot, range)) }
            }
        }
        var skipped = 0
        for (i, cadre) in cadres.enumerated() {
            try checkInterrupt(i)
            if bulk && action == .enroll, let e = session.enrollmentSlot(cadre: cadre.slot, course: course),
                session.enrollments[e]!.status != .withdrawn
            {
                skipped += 1
                continue
            }
            try step(
                action, cadre: cadre.slot, at: cadre.range, course: course, hours: hours, date: date, args, &changes)
        }
        let done = cadres.count - skipped
        // The ids are taken now (a cadre's id is its name); the sentence is made when it is read.
        let named = done <= 5 && !bulk ? cadres.map { session.cadres[$0.slot]!.id } : nil
        let courseID = session.courses[course]!.id
        return .confirmation(
            ConfirmationText { [skipped] in
                let who = named?.joined(separator: ", ") ?? Session.counted(done, .cadre)
                let note = skipped > 0 ? " (\(skipped) already enrolled)" : ""
                return "\(verb) \(who) in \(courseID)\(note)"
            })
    }

    /// What an enrollment command's confirmation says it did.
    private static func verb(_ action: EnrollmentAction) -> StaticString {
        switch action {
        case .enroll: "enrolled"
        case .complete: "completed"
        case .absent: "marked absent"
        case .withdraw: "withdrew"
        }
    }

    /// One cadre's step of an enrollment command; a refusal is placed on the option it is
    /// about, else on the cadre.
    private func step(
        _ action: EnrollmentAction, cadre: Int, at range: SourceRange, course: Int, hours: Number?, date: Day?,
        _ args: Arguments, _ changes: inout ChangeSet
    ) throws(Diagnostic) {
        guard let error = perform(action, cadre: cadre, course: course, hours: hours, date: date, &changes) else {
            return
        }
        if let field = error.field, let option = args.option(field) ?? (field == "hours" ? args.option("days") : nil) {
            throw Diagnostic.error(error, at: option.value.range)
        }
        throw Diagnostic.error(error, at: range)
    }

    /// One cadre's step of an enrollment command; the domain's refusal, if any.
    private func perform(
        _ action: EnrollmentAction, cadre: Int, course: Int, hours: Number?, date: Day?,
        _ changes: inout ChangeSet
    ) -> DomainError? {
        do {
            switch action {
            case .enroll: try session.enroll(cadre: cadre, course: course, &changes)
            case .complete: try session.complete(cadre: cadre, course: course, hours: hours, date: date, &changes)
            case .absent: try session.mark(cadre: cadre, course: course, .absent, &changes)
            case .withdraw: try session.mark(cadre: cadre, course: course, .withdrawn, &changes)
            }
            return nil
        } catch {
            return error
        }
    }
}
