import CTSDomain

/// The one table of commands. The parser dispatches on it; `help`, TAB completion and
/// docs/language.md are generated from it.
public enum CommandTable {
    public static let all: [CommandSpec] = setup + records + generic + queries + reports + session + script

    private static let byName: [String: CommandSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The command with these words (`"unit add"`), if any.
    public static func spec(named name: String) -> CommandSpec? { byName[name] }

    /// The commands grouped by first word, each word packed (``PackedWord``): the parser finds
    /// a command by comparing a few integers, without making strings of the words it reads or
    /// hashing them. There are a few dozen first words.
    private static let groups: [FirstWordCommands] = {
        var groups: [FirstWordCommands] = []
        for spec in all {
            let first = PackedWord(ArraySlice(spec.words[0].utf8))!
            if !groups.contains(where: { $0.first == first }) { groups.append(FirstWordCommands(first: first)) }
            let i = groups.firstIndex { $0.first == first }!
            if spec.words.count > 1 {
                groups[i].subcommands.append((PackedWord(ArraySlice(spec.words[1].utf8))!, spec))
            } else {
                groups[i].single = spec
            }
        }
        return groups
    }()

    /// The commands whose first word is `first`, given as lower-case UTF-8.
    static func group(startingWith first: ArraySlice<UInt8>) -> FirstWordCommands? {
        guard let first = PackedWord(first) else { return nil }
        return groups.first { $0.first == first }
    }

    /// The command named `first second` (`second` nil: the one-word command `first`), its
    /// words given as lower-case UTF-8.
    public static func spec(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>?) -> CommandSpec? {
        guard let group = group(startingWith: first) else { return nil }
        guard let second else { return group.single }
        return group.subcommand(second)
    }

    /// The same with the words as strings.
    public static func spec(_ first: String, _ second: String?) -> CommandSpec? {
        spec(ArraySlice(first.utf8), second.map { ArraySlice($0.utf8) })
    }

    /// First words of all commands (`unit`, `enroll`, `list`, ...), in table order.
    public static let firstWords: [String] = {
        var seen = Set<String>(), result: [String] = []
        for spec in all where seen.insert(spec.words[0]).inserted { result.append(spec.words[0]) }
        return result
    }()

    /// Second words of the commands that start with `first` (`unit` → add, set, remove, show).
    public static func subcommands(of first: String) -> [String] {
        all.filter { $0.words.count > 1 && $0.words[0] == first }.map { $0.words[1] }
    }

    // MARK: - Setup

    static let setup: [CommandSpec] = [
        CommandSpec(
            "unit add", .add(.unit), group: .setup,
            usage: "unit add ID \"NAME\" kind=K level=L [parent=UNIT]",
            summary: "Add an organizational unit (a locality, department, institution, ...).",
            example: "unit add nj.fin \"Nanjing Finance Bureau\" kind=department level=city parent=nj",
            positionals: [Slot("ID", .newID(.unit), field: "id"), Slot("\"NAME\"", .text, field: "name")],
            options: [
                OptionSlot("kind", .enumeration(.unitKind), required: true),
                OptionSlot("level", .enumeration(.level), required: true),
                OptionSlot("parent", .ref(.unit)),
            ]),
        CommandSpec(
            "cadre add", .add(.cadre), group: .setup,
            usage: "cadre add ID \"NAME\" unit=UNIT rank=R category=C [born=YEAR] [status=S]",
            summary: "Add a cadre to a unit.",
            example: "cadre add c1 \"Li Wei\" unit=nj.fin rank=county category=leading born=1966",
            positionals: [Slot("ID", .newID(.cadre), field: "id"), Slot("\"NAME\"", .text, field: "name")],
            options: [
                OptionSlot("unit", .ref(.unit), required: true),
                OptionSlot("rank", .enumeration(.rank), required: true),
                OptionSlot("category", .enumeration(.category), required: true),
                OptionSlot("born", .year), OptionSlot("status", .enumeration(.cadreStatus)),
            ]),
        CommandSpec(
            "course add", .add(.course), group: .setup,
            usage:
                "course add ID \"TITLE\" kind=K provider=UNIT start=DATE end=DATE hours=N|days=N [capacity=N] [organizer=UNIT]",
            summary: "Add a course given by an institution; days=N is N × day-hours class hours.",
            example:
                "course add k2 \"Public Finance Basics\" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12",
            positionals: [Slot("ID", .newID(.course), field: "id"), Slot("\"TITLE\"", .text, field: "title")],
            options: [
                OptionSlot("kind", .enumeration(.courseKind), required: true),
                OptionSlot("provider", .ref(.unit), required: true),
                OptionSlot("start", .date, required: true), OptionSlot("end", .date, required: true),
                OptionSlot("hours", .number), OptionSlot("days", .number),
                OptionSlot("capacity", .count), OptionSlot("organizer", .ref(.unit)),
            ]),
        CommandSpec(
            "rule add", .add(.rule), group: .setup,
            usage: "rule add ID \"TITLE\" for=(CONDITION) period=Y1..Y2 hours=N|days=N [kinds=K1,K2,...]",
            summary: "Add a training requirement: cadres matching the condition need N hours in the period.",
            example: "rule add yearly \"Every cadre: 12 days a year\" for=(status = active) period=2009..2009 days=12",
            positionals: [Slot("ID", .newID(.rule), field: "id"), Slot("\"TITLE\"", .text, field: "title")],
            options: [
                OptionSlot("for", .condition, required: true), OptionSlot("period", .period, required: true),
                OptionSlot("hours", .number), OptionSlot("days", .number),
                OptionSlot("kinds", .enumList(.courseKind)),
            ]),
        CommandSpec(
            "exempt", .exempt, group: .setup,
            usage: "exempt CADRE from RULE reason=\"TEXT\"",
            summary: "Exempt a cadre from a rule: the rule no longer applies to that cadre.",
            example: "exempt c3 from lead5y reason=\"On secondment abroad\"",
            positionals: [
                Slot("CADRE", .ref(.cadre), field: "cadre"), Slot("from", .keyword("from")),
                Slot("RULE", .ref(.rule), field: "rule"),
            ],
            options: [OptionSlot("reason", .text, required: true)]),
    ]

    // MARK: - Records

    static let records: [CommandSpec] = [
        CommandSpec(
            "enroll", .enrollment(.enroll), form: .enrollment, group: .records,
            usage: "enroll CADRE[,CADRE...] in COURSE   or   enroll (cadres where COND) in COURSE",
            summary: "Enroll cadres in a course (cadres already enrolled are skipped in the second form).",
            example: "enroll c1,c3 in k1",
            positionals: [Slot("CADRE", .refs(.cadre)), Slot("in", .keyword("in")), Slot("COURSE", .ref(.course))]),
        CommandSpec(
            "complete", .enrollment(.complete), form: .enrollment, group: .records,
            usage: "complete CADRE[,CADRE...] in COURSE [hours=N|days=N] [date=DATE]",
            summary: "Record that enrolled cadres completed a course (default: its hours, on its end date).",
            example: "complete c1 in k2 hours=60 date=2009-05-20",
            positionals: [Slot("CADRE", .refs(.cadre)), Slot("in", .keyword("in")), Slot("COURSE", .ref(.course))],
            options: [OptionSlot("hours", .number), OptionSlot("days", .number), OptionSlot("date", .date)]),
        CommandSpec(
            "absent", .enrollment(.absent), form: .enrollment, group: .records,
            usage: "absent CADRE[,CADRE...] in COURSE",
            summary: "Record that enrolled cadres did not attend a course.",
            example: "absent c2 in k2",
            positionals: [Slot("CADRE", .refs(.cadre)), Slot("in", .keyword("in")), Slot("COURSE", .ref(.course))]),
        CommandSpec(
            "withdraw", .enrollment(.withdraw), form: .enrollment, group: .records,
            usage: "withdraw CADRE[,CADRE...] in COURSE",
            summary: "Withdraw enrolled cadres from a course; they may enroll again later.",
            example: "withdraw c2 in k3",
            positionals: [Slot("CADRE", .refs(.cadre)), Slot("in", .keyword("in")), Slot("COURSE", .ref(.course))]),
        CommandSpec(
            "budget set", .upsert(.budget), group: .records,
            usage: "budget set UNIT YEAR funds=N revenue=N [spent=N]",
            summary: "Set a unit's training funds and fiscal revenue for a year.",
            example: "budget set nj.fin 2009 funds=1200000 revenue=3.2e10",
            positionals: [Slot("UNIT", .ref(.unit), field: "unit"), Slot("YEAR", .year, field: "year")],
            options: [
                OptionSlot("funds", .number, required: true), OptionSlot("revenue", .number, required: true),
                OptionSlot("spent", .number),
            ]),
        CommandSpec(
            "plan set", .upsert(.plan), group: .records,
            usage: "plan set UNIT YEAR participants=N hours=N",
            summary: "Set a unit's training plan for a year: how many cadres, how many class hours in all.",
            example: "plan set nj.fin 2010 participants=40 hours=3600",
            positionals: [Slot("UNIT", .ref(.unit), field: "unit"), Slot("YEAR", .year, field: "year")],
            options: [OptionSlot("participants", .count, required: true), OptionSlot("hours", .number, required: true)]),
        CommandSpec(
            "inspection add", .add(.inspection), group: .records,
            usage: "inspection add ID by=UNIT unit=UNIT date=DATE [scope=\"TEXT\"]",
            summary: "Record an inspection of a unit by an organization department.",
            example: "inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope=\"Training files\"",
            positionals: [Slot("ID", .newID(.inspection), field: "id")],
            options: [
                OptionSlot("by", .ref(.unit), required: true), OptionSlot("unit", .ref(.unit), required: true),
                OptionSlot("date", .date, required: true), OptionSlot("scope", .text),
            ]),
        CommandSpec(
            "finding add", .add(.finding), group: .records,
            usage: "finding add ID inspection=ID \"TEXT\" severity=S due=DATE",
            summary: "Record a finding of an inspection, with the date it must be put right by.",
            example: "finding add f1 inspection=i1 \"Training records incomplete\" severity=medium due=2010-08-31",
            positionals: [Slot("ID", .newID(.finding), field: "id"), Slot("\"TEXT\"", .text, field: "text")],
            options: [
                OptionSlot("inspection", .ref(.inspection), required: true),
                OptionSlot("severity", .enumeration(.severity), required: true),
                OptionSlot("due", .date, required: true),
            ]),
        CommandSpec(
            "finding resolve", .resolveFinding, group: .records,
            usage: "finding resolve ID date=DATE",
            summary: "Mark a finding resolved on a date.",
            example: "finding resolve f1 date=2010-08-15",
            positionals: [Slot("ID", .ref(.finding))],
            options: [OptionSlot("date", .date, required: true)]),
        CommandSpec(
            "practice add", .add(.practice), group: .records,
            usage: "practice add ID unit=UNIT year=YEAR \"TEXT\" [promoted=yes]",
            summary: "Record a good practice of a unit, and whether it was promoted.",
            example: "practice add p1 unit=nj.fin year=2010 \"Evening classes on public finance\" promoted=yes",
            positionals: [Slot("ID", .newID(.practice), field: "id"), Slot("\"TEXT\"", .text, field: "text")],
            options: [
                OptionSlot("unit", .ref(.unit), required: true), OptionSlot("year", .year, required: true),
                OptionSlot("promoted", .yesNo),
            ]),
    ]

    // MARK: - set / remove / show for every kind

    static let generic: [CommandSpec] = {
        var specs: [CommandSpec] = []
        for kind in EntityKind.allCases where kind.hasID {
            let s = kind.singular
            let example = kind.declaration.example?.id ?? "x1"
            var options = kind.fields.filter(\.settable).map { OptionSlot($0.name, valueKind(of: $0.type)) }
            if kind == .course || kind == .rule { options.append(OptionSlot("days", .number)) }
            specs.append(
                CommandSpec(
                    "\(s) set", .update(kind), group: .records,
                    usage: "\(s) set ID key=value ...",
                    summary: "Change fields of \(withArticle(s)).",
                    example: "\(s) set \(example) \(kind.declaration.example?.set ?? "")",
                    positionals: [Slot("ID", .ref(kind))], options: options))
            specs.append(
                CommandSpec(
                    "\(s) remove", .remove(kind), group: .records,
                    usage: "\(s) remove ID [cascade]",
                    summary:
                        "Remove \(withArticle(s)); refused while records refer to it, unless cascade removes them too.",
                    example: "\(s) remove \(example)",
                    positionals: [Slot("ID", .ref(kind)), Slot("cascade", .keyword("cascade"), optional: true)]))
            specs.append(
                CommandSpec(
                    "\(s) show", .show(kind), group: .queries,
                    usage: "\(s) show ID",
                    summary: "Show every field of \(withArticle(s)) and the records that refer to it.",
                    example: "\(s) show \(example)",
                    positionals: [Slot("ID", .ref(kind))]))
        }
        // A kind with an id and no `add` of its own above takes one derived from its declaration:
        // `KIND add ID field=value …`, the form `dump` writes such a kind in.
        for kind in EntityKind.allCases where kind.hasID {
            let s = kind.singular
            guard !(setup + records).contains(where: { $0.name == "\(s) add" }) else { continue }
            let fields = kind.fields.filter { $0.name != "id" }
            let usage = fields.map { f in
                let slot = "\(f.name)=\(f.type == .text ? "\"TEXT\"" : f.name.uppercased())"
                return f.optional || f.hasDefault ? "[\(slot)]" : slot
            }
            specs.append(
                CommandSpec(
                    "\(s) add", .add(kind), group: .records,
                    usage: (["\(s) add ID"] + usage).joined(separator: " "),
                    summary: "Add \(withArticle(s)).",
                    example: "\(s) add \(kind.declaration.example?.id ?? "x1")",
                    positionals: [Slot("ID", .newID(kind), field: "id")],
                    options: fields.map {
                        OptionSlot($0.name, valueKind(of: $0.type), required: !$0.optional && !$0.hasDefault)
                    }))
        }
        for kind in [EntityKind.budget, .plan] {
            let s = kind.singular
            specs.append(
                CommandSpec(
                    "\(s) remove", .remove(kind), group: .records,
                    usage: "\(s) remove UNIT YEAR",
                    summary: "Remove a unit's \(s) for a year.",
                    example: "\(s) remove nj.fin 2009",
                    positionals: [Slot("UNIT", .ref(.unit), field: "unit"), Slot("YEAR", .year, field: "year")]))
            specs.append(
                CommandSpec(
                    "\(s) show", .show(kind), group: .queries,
                    usage: "\(s) show UNIT YEAR",
                    summary: "Show a unit's \(s) for a year.",
                    example: "\(s) show nj.fin 2009",
                    positionals: [Slot("UNIT", .ref(.unit), field: "unit"), Slot("YEAR", .year, field: "year")]))
        }
        return specs
    }()

    /// The value kind a field's `key=value` takes.
    public static func valueKind(of type: FieldType) -> ValueKind {
        switch type {
        case .id: .text
        case .text: .text
        case .number: .number
        case .count: .count
        case .year: .year
        case .date: .date
        case .yesNo: .yesNo
        case .enumeration(let v): .enumeration(v)
        case .courseKinds: .enumList(.courseKind)
        case .ref(let k): .ref(k)
        case .period: .period
        case .condition: .condition
        }
    }

    // MARK: - Queries and reports

    static let queries: [CommandSpec] = [
        CommandSpec(
            "list", .list, form: .list, group: .queries,
            usage:
                "list COLLECTION [where COND] [sort FIELD [desc], ...] [limit N] [columns F1, F2, ...] [as FORMAT] [> FILE]",
            summary: "List records; without sort, in the order they were added.",
            example: "list cadres where unit under js sort rank desc columns id, name, rank"),
        CommandSpec(
            "count", .count, form: .count, group: .queries,
            usage: "count COLLECTION [where COND] [by FIELD] [as FORMAT] [> FILE]",
            summary: "Count records, or count them per value of a field.",
            example: "count cadres where rank >= county by unit"),
        CommandSpec(
            "stats", .stats, form: .stats, group: .queries,
            usage: "stats EXPR of COLLECTION [where COND] [by FIELD] [as FORMAT] [> FILE]",
            summary: "count, sum, avg, min and max of an expression over records.",
            example: "stats hours(2009) of cadres where category = leading by rank"),
        CommandSpec(
            "print", .print, form: .print, group: .queries,
            usage: "print EXPR",
            summary: "Print the value of an expression.",
            example: "print hours(2009) of cadre c1"),
    ]

    static let reports: [CommandSpec] = [
        CommandSpec(
            "report", .report, form: .report, group: .reports,
            usage: "report compliance RULE [by unit|level|category|rank] | report budget Y1..Y2 [under UNIT] | "
                + "report inspections [open|overdue] | report courses Y1..Y2 | report plan YEAR",
            summary: "Ready-made reports: compliance with a rule, budget growth, inspection findings, courses, plans.",
            example: "report compliance lead5y by unit",
            positionals: [Slot("KIND", .choice(ReportKind.allCases.map(\.rawValue)))])
    ]

    // MARK: - Session and script

    static let session: [CommandSpec] = [
        CommandSpec(
            "save", .save, group: .session, usage: "save [FILE]",
            summary: "Write the whole session to a session file.", example: "save \"jiangsu.ctsdb\"",
            positionals: [Slot("FILE", .file, optional: true)]),
        CommandSpec(
            "open", .open, group: .session, usage: "open FILE",
            summary: "Replace the session with the one in a session file.", example: "open \"jiangsu.ctsdb\"",
            positionals: [Slot("FILE", .file)]),
        CommandSpec(
            "new", .new, group: .session, usage: "new",
            summary: "Start an empty session.", example: "new"),
        CommandSpec(
            "dump", .dump, group: .session, usage: "dump [FILE]",
            summary: "Write the session as a canonical .cts script: to the screen, a FILE, or \"-\" (standard output).",
            example: "dump \"jiangsu.cts\"",
            positionals: [Slot("FILE", .file, optional: true)]),
        CommandSpec(
            "import", .importRecords, group: .session,
            usage: "import COLLECTION from \"FILE\" [as \(importFormats.joined(separator: "|"))] "
                + "[encoding=\(importEncodings.joined(separator: "|"))] [delimiter=\";\"|tab] [extra=ignore]",
            summary:
                "Add records from a CSV file whose header row names the fields, or a JSON array of objects (\"-\": standard input).",
            example: "import cadres from \"cadres.csv\" encoding=gb18030",
            positionals: [
                Slot("COLLECTION", .collection), Slot("from", .keyword("from")), Slot("FILE", .file),
                Slot("as", .keyword("as"), optional: true),
                Slot("FORMAT", .choice(importFormats), optional: true),
            ],
            options: [
                OptionSlot("encoding", .choice(importEncodings)),
                OptionSlot("delimiter", .choice(importDelimiters)),
                OptionSlot("extra", .choice(ImportOptions.extraWords)),
            ]),
        CommandSpec(
            "export", .exportRecords, group: .session,
            usage: "export COLLECTION to \"FILE\" [as \(exportFormats.joined(separator: "|"))] [bom=yes]",
            summary:
                "Write all records of a collection to a file (\"-\": standard output), as FORMAT, else as the "
                + "file name ends (.json, .ndjson), else csv.",
            example: "export cadres to \"cadres.csv\"",
            positionals: [
                Slot("COLLECTION", .collection), Slot("to", .keyword("to")), Slot("FILE", .file),
                Slot("as", .keyword("as"), optional: true),
                Slot("FORMAT", .choice(exportFormats), optional: true),
            ],
            options: [OptionSlot("bom", .yesNo)]),
        CommandSpec(
            "generate province", .generate, group: .session, usage: "generate province cadres=N [seed=S]",
            summary: "Fill an empty session with a synthetic province of N cadres (same N and seed: same province).",
            example: "generate province cadres=10000 seed=7",
            options: [OptionSlot("cadres", .count, required: true), OptionSlot("seed", .count)]),
        CommandSpec(
            "history", .history, group: .session, usage: "history [N]",
            summary: "List the last N commands typed at the prompt (default 20).", example: "history 50",
            positionals: [Slot("N", .count, optional: true)]),
        CommandSpec(
            "record", .record, group: .session, usage: "record [all] FILE   or   record stop",
            summary: "Keep what is typed at the prompt in a script that replays the session.",
            example: "record \"my-session.cts\"",
            positionals: [Slot("FILE", .file), Slot("FILE", .file, optional: true)]),
        CommandSpec(
            "undo", .undo, group: .session, usage: "undo [N]",
            summary: "Undo the last N changing commands (default 1).", example: "undo",
            positionals: [Slot("N", .count, optional: true)]),
        CommandSpec(
            "redo", .redo, group: .session, usage: "redo [N]",
            summary: "Redo the last N undone commands (default 1).", example: "redo",
            positionals: [Slot("N", .count, optional: true)]),
    ]

    /// The names of the output formats of `as FORMAT` and `set format`, in the order help and
    /// the docs list them. Read from ``OutputFormat``, the one declaration of the formats.
    public static let outputFormats = OutputFormat.names

    /// The formats `export` writes: those whose traits say `exportable`.
    public static let exportFormats = OutputFormat.allCases.filter(\.traits.exportable).map(\.rawValue)

    /// The formats `import` reads (`as csv|json`; without it, `.json` files are JSON).
    public static let importFormats = ImportOptions.Format.allCases.map(\.rawValue)

    /// The encodings `import` reads (`encoding=`).
    public static let importEncodings = TextEncoding.allCases.map(\.rawValue)

    /// The words `delimiter=` takes besides a quoted character (`delimiter=";"`).
    public static let importDelimiters = ImportOptions.delimiterWords.map(\.word)

    /// The settings that are part of the session rather than of how it is shown: they change
    /// answers (`days=N`, "as of" a day), so `set` on them changes the session, and
    /// `--read-only` refuses it.
    public static let sessionSettings: Set<String> = ["day-hours", "today"]

    /// The options `set` accepts, with the values each takes.
    public static let settings: [(name: String, values: ValueKind, summary: String)] = [
        ("format", .choice(OutputFormat.sessionNames), "default output format of queries"),
        ("color", .choice(["on", "off", "auto"]), "colour in terminal output"),
        ("echo", .choice(["on", "off"]), "print each command before running it"),
        ("verbose", .choice(["on", "off"]), "print a confirmation line after each change"),
        ("timer", .choice(["on", "off"]), "print how long each command took"),
        ("autosave", .choice(["on", "off"]), "write each change to the session file"),
        ("journal", .choice(["delete", "wal"]), "session file journal; wal lets readers in"),
        ("errors", .choice(["stop", "continue"]), "whether a script stops at its first error"),
        ("width", .choice(["auto"]), "columns tables fit on screen (20-1000, or auto)"),
        ("pager", .choice(["on", "off", "auto"]), "long results through $PAGER at a terminal"),
        ("day-hours", .number, "class hours per training day (default 7.5)"),
        ("today", .date, "the date `today` means (default: the system date)"),
    ]

    static let script: [CommandSpec] = [
        CommandSpec(
            "let", .letBinding, form: .letBinding, group: .script, usage: "let NAME = EXPR",
            summary: "Define a variable; use it as $NAME in any argument.",
            example: "let y = 2009"),
        CommandSpec(
            "echo", .echo, form: .echo, group: .script, usage: "echo TEXT...",
            summary: "Print text, with $variables expanded.", example: "echo Compliance in $y:"),
        CommandSpec(
            "assert", .assert, form: .assert, group: .script, usage: "assert COND [\"MESSAGE\"]",
            summary: "Fail the script (exit 1) with file:line and MESSAGE when COND is false.",
            example: "assert hours(2009) of cadre c1 = 390 \"c1 has k1 and k2\""),
        CommandSpec(
            "include", .include, group: .script, usage: "include \"FILE.cts\"",
            summary: "Run another script; its path is relative to the including script.",
            example: "include \"units.cts\"", positionals: [Slot("FILE", .file)]),
        CommandSpec(
            "pause", .pause, group: .script, usage: "pause [\"MESSAGE\"]",
            summary: "Wait for Enter at the prompt and in cts -i scripts; does nothing in batch.",
            example: "pause \"Next: the compliance report\"",
            positionals: [Slot("MESSAGE", .text, optional: true)]),
        CommandSpec(
            "set", .setOption, group: .script, usage: "set [OPTION VALUE]",
            summary: "List the settings, or change one: " + settings.map(\.name).joined(separator: ", ") + ".",
            example: "set format csv",
            positionals: [
                Slot("OPTION", .choice(settings.map(\.name)), optional: true),
                Slot("VALUE", .text),
            ]),
        CommandSpec(
            "help", .help, group: .script, usage: "help [COMMAND|TOPIC]",
            summary: "List commands, or show one command's usage and an example.",
            example: "help enroll",
            positionals: [Slot("COMMAND", .text, optional: true), Slot("SUBCOMMAND", .text, optional: true)]),
        CommandSpec(
            "quit", .quit, group: .script, usage: "quit",
            summary: "Leave cts (also: exit).", example: "quit"),
        CommandSpec(
            "exit", .quit, group: .script, usage: "exit",
            summary: "Leave cts (also: quit).", example: "exit"),
    ]
}

/// The commands that start with one word: the one-word command, and those with a second word.
struct FirstWordCommands {
    let first: PackedWord
    var single: CommandSpec?
    var subcommands: [(second: PackedWord, spec: CommandSpec)] = []

    init(first: PackedWord) { self.first = first }

    /// The command whose second word is `second` (lower-case UTF-8).
    func subcommand(_ second: ArraySlice<UInt8>) -> CommandSpec? {
        guard let second = PackedWord(second) else { return nil }
        return subcommands.first { $0.second == second }?.spec
    }
}

/// A word of at most 16 bytes as two integers, its bytes in order from the low end, zeros
/// after. Command words hold no zero byte, so two words are equal exactly when their packed
/// forms are (``PackedWord/none`` stands for no word).
struct PackedWord: Equatable {
    var low: UInt64
    var high: UInt64

    static let none = PackedWord(low: 0, high: 0)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Nil for a word longer than 16 bytes (no command word is: the table is built with `!`); no bytes
    /// make ``none``.
    init?(_ bytes: ArraySlice<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        var shift: UInt64 = 0
        for b in bytes {
            if shift < 64 { low |= UInt64(b) &<< shift } else { high |= UInt64(b) &<< (shift - 64) }
            shift += 8
        }
        self.init(low: low, high: high)
    }
}
