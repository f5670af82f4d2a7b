import CTSDomain
import CTSLanguage

extension Interpreter {
    /// save, open, dump, import, export: checked here, carried out by the shell, which owns
    /// files and the session file (`SessionFile`, over a session backend).
    func sessionCommand(_ command: Command) throws -> Effect {
        let args: Arguments
        switch command.body {
        case .simple(let a), .record(let a): args = a
        default: preconditionFailure("session command without arguments")
        }
        let first = args.positionals.first
        func path(_ arg: Argument) throws(Diagnostic) -> String {
            let text = try self.text(of: arg)
            guard !text.isEmpty else { throw .error(RunProblem.expectedFileName, at: arg.range) }
            return text
        }
        switch command.spec.action {
        case .save:
            return .saveSession(path: try first.map(path), range: first?.range ?? command.nameRange)
        case .open:
            return .openSession(path: try path(first!), range: first!.range)
        case .dump:
            return .dump(path: try first.map(path), range: first?.range ?? command.nameRange)
        case .importRecords:
            let kind = try collection(first!)
            let file = try path(args.positionals[2])
            return .importRecords(
                kind, path: file, options: try importOptions(args, path: file), range: args.positionals[2].range)
        case .exportRecords:
            let kind = try collection(first!)
            let file = try path(args.positionals[2])
            // Without `as`, the file's name chooses among the formats export writes (`to
            // "cadres.json"`); any other name gets csv.
            var format = OutputFormat(fileName: file).flatMap { $0.traits.exportable ? $0 : nil } ?? .csv
            if args.positionals.count > 4 {
                let formatArg = args.positionals[4]
                let name = try value(of: formatArg).description.lowercased()
                let formats = CommandTable.exportFormats
                guard formats.contains(name), let named = OutputFormat(rawValue: name) else {
                    throw Diagnostic.error(RunProblem.exportFormat(name, formats: formats), at: formatArg.range)
                }
                format = named
            }
            var bom = false
            if let option = args.option("bom") {
                let word = try value(of: option.value).description
                guard let yes = Bool(yesNo: word) else {
                    throw Diagnostic.error(RunProblem.bomValue(word.lowercased()), at: option.value.range)
                }
                bom = yes
                if bom && format != .csv {
                    throw Diagnostic.error(RunProblem.bomOnlyForCSV(format.rawValue), at: option.key.range)
                }
            }
            return .export(kind, path: file, format: format, bom: bom, range: args.positionals[2].range)
        default:
            preconditionFailure("not a session command")
        }
    }

    /// The options of `import ... from "FILE" [as FORMAT] [encoding=E] [delimiter=D] [extra=ignore]`.
    private func importOptions(_ args: Arguments, path: String) throws(Diagnostic) -> ImportOptions {
        var options = ImportOptions(fileName: path)
        if args.positionals.count > 4 {
            let formatArg = args.positionals[4]
            let name = try value(of: formatArg).description.lowercased()
            guard let format = ImportOptions.Format(rawValue: name) else {
                throw .error(
                    RunProblem.importOption("as", name, takes: CommandTable.importFormats), at: formatArg.range)
            }
            options.format = format
        }
        if let option = args.option("encoding") {
            let name = try text(of: option.value)
            guard let encoding = TextEncoding(named: name) else {
                throw .error(
                    RunProblem.importOption("encoding", name, takes: CommandTable.importEncodings),
                    at: option.value.range)
            }
            options.encoding = encoding
        }
        if let option = args.option("delimiter") {
            let written = try text(of: option.value)
            guard let byte = ImportOptions.delimiter(written) else {
                throw .error(
                    RunProblem.importOption(
                        "delimiter", written, takes: ["\";\"", "\"|\""] + CommandTable.importDelimiters),
                    at: option.value.range)
            }
            guard options.format == .csv else {
                throw .error(RunProblem.delimiterForJSON, at: option.key.range)
            }
            options.delimiter = byte
        }
        if let option = args.option("extra") {
            let word = try text(of: option.value).lowercased()
            guard ImportOptions.extraWords.contains(word) else {
                throw .error(
                    RunProblem.importOption("extra", word, takes: ImportOptions.extraWords), at: option.value.range)
            }
            options.ignoresExtraColumns = word == "ignore"
        }
        return options
    }

    /// `record FILE`, `record all FILE`, `record stop`: checked here, kept by the shell, which
    /// alone sees what is typed at the prompt.
    func recordRequest(_ command: Command) throws -> Effect {
        guard case .simple(let args) = command.body, let first = args.positionals.first else {
            preconditionFailure("record without arguments")
        }
        let word = try text(of: first)
        if args.positionals.count == 1 {
            if word == "stop" { return .record(.stop(range: first.range)) }
            guard !word.isEmpty else { throw Diagnostic.error(RunProblem.expectedFileName, at: first.range) }
            return .record(.start(path: word, queries: false, range: first.range))
        }
        let file = args.positionals[1]
        guard word == "all" else { throw Diagnostic.error(RunProblem.recordUsage(word), at: first.range) }
        let path = try text(of: file)
        guard !path.isEmpty else { throw Diagnostic.error(RunProblem.expectedFileName, at: file.range) }
        return .record(.start(path: path, queries: true, range: file.range))
    }

    /// A collection word (`cadres`) as an entity kind.
    private func collection(_ arg: Argument) throws(Diagnostic) -> EntityKind {
        let word = try value(of: arg).description
        if let kind = EntityKind(plural: word) { return kind }
        throw .error(RunProblem.unknownCollection(word), at: arg.range)
    }
}
