import CTSDomain
import CTSLanguage

extension Interpreter {
    /// let, echo, assert, include, pause, set, help, quit.
    func scriptCommand(_ command: Command) throws -> [Effect] {
        switch command.body {
        case .letBinding(let name, let expression):
            let value = try Binder(interpreter: self, kind: nil).bind(expression).evaluate(-1)
            variables[name.value] = value
            return []
        case .echo(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let t): text += t
                case .variable(let v):
                    guard let value = variables[v.value] else {
                        throw Diagnostic.error(BindProblem.unknownVariable(v.value, suggestion: nil), at: v.range)
                    }
                    text += value.description
                }
            }
            return [.text(text)]
        case .assert(let condition, let message):
            try assertion(condition, message, command)
            return []
        case .simple(let args):
            return try simpleCommand(command, args)
        default:
            preconditionFailure("not a script command")
        }
    }

    private func assertion(_ condition: Expr, _ message: Argument?, _ command: Command) throws {
        let binder = Binder(interpreter: self, kind: nil)
        let bound = try binder.condition(condition)
        if ValueOperations.truth(try bound.evaluate(-1)) { return }
        var notes: [String] = []
        if case .binary(let op, let l, let r) = condition.kind, Parser.isComparison(op) {
            let left = try binder.bind(l).evaluate(-1)
            let right = try binder.bind(r).evaluate(-1)
            notes.append("the left side is \(show(left)), the right side \(show(right))")
        }
        let text = try message.map { try self.text(of: $0) }
        throw Diagnostic.error(RunProblem.assertionFailed(text: text), at: condition.range, notes: notes)
    }

    private func show(_ value: Value) -> String {
        value.isNull ? "absent" : value.description
    }

    private func simpleCommand(_ command: Command, _ args: Arguments) throws -> [Effect] {
        switch command.spec.action {
        case .include:
            let path = try text(of: args.positionals[0])
            // `include ""` names no file (joined to the script's folder it would be the folder).
            guard !path.isEmpty else {
                throw Diagnostic.error(RunProblem.expectedFileName, at: args.positionals[0].range)
            }
            return [.include(path: path, range: args.positionals[0].range)]
        case .pause:
            return [.pause(try args.positionals.first.map { try text(of: $0) })]
        case .quit:
            return [.quit]
        case .help:
            // `help cadre add` names a two-word command.
            let words = try args.positionals.map { try text(of: $0) }
            let topic = words.isEmpty ? nil : words.joined(separator: " ")
            guard let text = Help.text(for: topic) else {
                let range = args.positionals[0].range.through(args.positionals[args.positionals.count - 1].range)
                let candidates = CommandTable.firstWords + Help.topics.map(\.name)
                throw Diagnostic.error(RunProblem.noHelp(topic!, candidates: candidates), at: range)
            }
            return [.text(text)]
        case .setOption:
            return [try set(args)]
        default:
            preconditionFailure("not a simple command")
        }
    }

    /// set OPTION VALUE
    private func set(_ args: Arguments) throws -> Effect {
        guard let nameArg = args.positionals.first else { return shown(settingsTable()) }
        let valueArg = args.positionals[1]
        let name = try value(of: nameArg).description.lowercased()
        let raw = try value(of: valueArg)
        let word = raw.description.lowercased()
        func onOff() throws(Diagnostic) -> Bool {
            switch word {
            case "on": return true
            case "off": return false
            default:
                guard let yes = Bool(yesNo: word) else {
                    throw .error(RunProblem.onOff(name, value: "\(raw)"), at: valueArg.range)
                }
                return yes
            }
        }
        switch name {
        case "format":
            guard let format = OutputFormat(rawValue: word), !format.needsChartShape, format.isText else {
                throw Diagnostic.error(
                    RunProblem.unknownFormat("\(raw)", formats: OutputFormat.sessionNames), at: valueArg.range)
            }
            settings.format = format
        case "color", "colour":
            guard let s = Settings.Switch(rawValue: word) else {
                throw Diagnostic.error(RunProblem.colorSetting("\(raw)"), at: valueArg.range)
            }
            settings.color = s
        case "echo": settings.echo = try onOff()
        case "verbose": settings.verbose = try onOff()
        case "timer": settings.timer = try onOff()
        case "autosave": settings.autosave = try onOff()
        case "journal":
            guard word == "wal" || word == "delete" else {
                throw Diagnostic.error(RunProblem.journalSetting("\(raw)"), at: valueArg.range)
            }
            return .journal(wal: word == "wal", range: valueArg.range)
        case "errors":
            guard word == "stop" || word == "continue" else {
                throw Diagnostic.error(RunProblem.errorsSetting("\(raw)"), at: valueArg.range)
            }
            settings.stopOnError = word == "stop"
        case "width":
            if word == "auto" {
                settings.width = nil
            } else if let n = Int(word), Settings.widths.contains(n) {
                settings.width = n
            } else {
                throw Diagnostic.error(RunProblem.widthSetting("\(raw)"), at: valueArg.range)
            }
        case "pager":
            guard let s = Settings.Switch(rawValue: word) else {
                throw Diagnostic.error(RunProblem.pagerSetting("\(raw)"), at: valueArg.range)
            }
            settings.pager = s
        default:
            let names = CommandTable.settings.map(\.name)
            throw Diagnostic.error(RunProblem.unknownSetting(name, settings: names), at: nameArg.range)
        }
        return .confirmation("\(name) is \(raw)")
    }
}

extension Interpreter {
    /// `set` alone: every setting and its value, in the order `help settings` lists them.
    func settingsTable() -> ResultTable {
        let session = session.settings
        let rows: [[Value]] = CommandTable.settings.map { setting in
            let value: String
            switch setting.name {
            case "format": value = settings.format.rawValue
            case "color": value = settings.color.rawValue
            case "echo": value = settings.echo ? "on" : "off"
            case "verbose": value = settings.verbose ? "on" : "off"
            case "timer": value = settings.timer ? "on" : "off"
            case "autosave": value = settings.autosave ? "on" : "off"
            case "journal": value = sessionFileJournal() ?? "(no session file)"
            case "errors": value = settings.stopOnError ? "stop" : "continue"
            case "width": value = settings.width.map(String.init) ?? "auto"
            case "pager": value = settings.pager.rawValue
            case "day-hours": value = session.dayHours.description
            case "today": value = session.today.map(\.description) ?? "system (\(systemToday))"
            default: value = "?"
            }
            return [.text(setting.name), .text(value), .text(setting.summary)]
        }
        return ResultTable(columns: ["setting", "value", "meaning"], rows: rows)
    }
}

extension Parser {
    static func isComparison(_ op: BinaryOperator) -> Bool {
        switch op {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}
