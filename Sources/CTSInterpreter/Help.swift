import CTSDomain
import CTSLanguage

/// `help` text, generated from the command table so it cannot drift from what the parser reads.
public enum Help {
    public static let topics: [(name: String, summary: String)] = [
        ("conditions", "how to write conditions: comparisons, and/or/not, in, contains, under, dotted paths"),
        ("functions", "hours, compliant, applies, year, round, count, sum, avg, min, max"),
        ("formats", "output formats and redirection: as csv, > FILE"),
        ("settings", "what `set` can change"),
        ("collections", "the kinds of record and their fields"),
        ("demo", "the demo province of cts --demo, and what to ask it"),
    ]

    /// Help for a command, a command's first word, or a topic; the overview for nil; nil if unknown.
    public static func text(for topic: String?) -> String? {
        guard let topic else { return overview() }
        let key = topic.lowercased()
        if let spec = CommandTable.spec(named: key) { return command(spec) }
        let family = CommandTable.all.filter { $0.words[0] == key }
        if !family.isEmpty { return family.map(command).joined(separator: "\n\n") }
        switch key {
        case "conditions": return conditions
        case "functions": return functions()
        case "formats": return formats
        case "settings", "set": return settings()
        case "collections", "fields": return collections()
        case "demo": return demo
        default: return nil
        }
    }

    /// Every command by group, one line each.
    public static func overview() -> String {
        var lines: [String] = []
        for group in CommandGroup.allCases {
            let specs = CommandTable.all.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(group.title + ":")
            let width = specs.map(\.name.count).max() ?? 0
            for spec in specs {
                lines.append("  " + spec.name.padding(to: width) + "  " + spec.summary)
            }
        }
        lines.append("")
        lines.append(
            "Type 'help COMMAND' for its usage and an example, or 'help "
                + topics.map(\.name).joined(separator: "', 'help ") + "'.")
        return lines.joined(separator: "\n")
    }

    /// Usage, summary and example of one command.
    public static func command(_ spec: CommandSpec) -> String {
        "usage: \(spec.usage)\n\(spec.summary)\nexample: \(spec.example)"
    }

    static let conditions = """
        Conditions choose records: list cadres where COND, count(cadres where COND), for=(COND).
          comparisons   = != < <= > >=        rank >= county   (rank and severity compare by order)
          combine       and, or, not, ( )      category = leading and not status = left
          lists         FIELD in (V1, V2)      kind in (off-job, rotation)
          text          FIELD contains "T"     name contains "Wang"   (ignores case)
          unit tree     FIELD under UNIT       unit under js          (js itself or below it)
          paths         unit.level, course.kind, inspection.unit follow references
          dates         year(date) = 2009, today, due < today, end - start (days)
          arithmetic    + - * /  (minus and divide need spaces: a - b)
          per cadre     hours(2009), hours(2008..2012), hours(RULE), compliant(RULE), applies(RULE)
        Words that are not fields are values: enum words (county, off-job) or ids (js.org).
        """

    static func functions() -> String {
        let width = Functions.all.map(\.usage.count).max() ?? 0
        return
            (["Functions (usable anywhere an expression is):"]
            + Functions.all.map { "  " + $0.usage.padding(to: width) + "  " + $0.summary }
            + ["EXPR of cadre ID evaluates EXPR on one record: print hours(2009) of cadre c1"])
            .joined(separator: "\n")
    }

    static var formats: String {
        let clauses = [
            (
                "as " + CommandTable.outputFormats.joined(separator: " | "),
                "the format (default: table; 'set format csv' changes it)"
            ),
            ("> FILE", "write to FILE instead of the screen (replace)"),
            (">> FILE", "append to FILE (csv, tsv: rows only, under the same header)"),
        ]
        let width = clauses.map(\.0.count).max()!
        return
            (["Queries and reports end with an optional output clause:"]
            + clauses.map { "  " + $0.0.padding(to: width) + "   " + $0.1 }
            + [
                "csv is RFC 4180 with a header row; json is an array of objects keyed by column;",
                "ndjson is one such object per line, so >> can append to it (json cannot be appended to).",
                "chart draws bars for results grouped with 'by' (compliance: % on 0-100) and sparklines",
                "for report budget, fitted to the terminal (80 columns when not one); set format does not offer it.",
                "html is one standalone page (charts in SVG) for a browser or print; >> writes it only into an empty file.",
                "Numbers print in shortest form, dates as YYYY-MM-DD, absent values empty (null in json).",
            ])
            .joined(separator: "\n")
    }

    static func settings() -> String {
        let width = CommandTable.settings.map(\.name.count).max() ?? 0
        return
            (["set OPTION VALUE changes a setting:"]
            + CommandTable.settings.map { "  " + $0.name.padding(to: width) + "  " + $0.summary }).joined(
                separator: "\n")
    }

    static func collections() -> String {
        var lines = ["Collections and their fields (list COLLECTION shows these columns):"]
        for kind in EntityKind.allCases {
            lines.append("  \(kind.plural.padding(to: 12))  " + kind.fields.map(\.name).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension Help {
    /// Every command by group, names only: for `cts --help`, where lines are wrapped.
    public static func commandIndex() -> String {
        var lines = ["COMMANDS (inside cts, 'help COMMAND' shows usage and an example):"]
        for group in CommandGroup.allCases {
            let names = CommandTable.all.filter { $0.group == group }.map(\.name)
            guard !names.isEmpty else { continue }
            lines.append("")
            lines.append("  \(group.title): " + names.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n")
    }
}
