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
        ("safe", "what cts --safe refuses, for scripts from untrusted sources"),
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
        case "safe": return safe
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
            lines += columns(specs.map { ($0.name, $0.summary) })
        }
        lines.append("")
        lines += wrapped(
            "Type 'help COMMAND' for its usage and an example, or 'help "
                + topics.map(\.name).joined(separator: "', 'help ") + "'.")
        return lines.joined(separator: "\n")
    }

    /// Usage, summary and example of one command.
    /// A long usage goes on indented; a long example over lines ending in ` \`, so that it can
    /// still be copied and run as it stands.
    public static func command(_ spec: CommandSpec) -> String {
        (wrapped("usage: " + spec.usage, indent: 4) + wrapped(spec.summary) + continued("example: " + spec.example))
            .joined(separator: "\n")
    }

    static let conditions = """
        Conditions choose records: list cadres where COND, count(cadres where COND),
        for=(COND).
          comparisons   = != < <= > >=        rank >= county
                                               (rank and severity compare by order)
          combine       and, or, not, ( )      category = leading and not status = left
          lists         FIELD in (V1, V2)      kind in (off-job, rotation)
          text          FIELD contains "T"     name contains "Wang"   (ignores case)
          unit tree     FIELD under UNIT       unit under js   (js itself or below it)
          paths         unit.level, course.kind, inspection.unit follow references
          dates         year(date) = 2009, today, due < today, end - start (days)
          arithmetic    + - * /  (minus and divide need spaces: a - b)
          per cadre     hours(2009), hours(2008..2012), hours(RULE), compliant(RULE),
                        applies(RULE)
        Words that are not fields are values: enum words (county, off-job) or ids
        (js.org).
        """

    static func functions() -> String {
        (["Functions (usable anywhere an expression is):"]
            + columns(Functions.all.map { ($0.usage, $0.summary) })
            + ["EXPR of cadre ID evaluates EXPR on one record: print hours(2009) of cadre c1"])
            .joined(separator: "\n")
    }

    static var formats: String {
        let clauses = [
            (
                "as " + CommandTable.outputFormats.joined(separator: " | "),
                "the format (default: table; 'set format csv' changes it)"
            ),
            ("> FILE", "write to FILE instead of the screen (replace); F.json, F.csv, F.xlsx… choose the format"),
            (">> FILE", "append to FILE (csv, tsv: rows only, under the same header)"),
        ]
        return
            (["Queries and reports end with an optional output clause:"]
            + columns(clauses)
            + wrapped(
                "csv is RFC 4180 with a header row; json is an array of objects keyed by column; "
                    + "ndjson is one such object per line, so >> can append to it (json cannot be appended to). "
                    + "chart draws bars for results grouped with 'by' (compliance: % on 0-100) and sparklines "
                    + "for report budget, fitted to the terminal (80 columns when not one); set format does not "
                    + "offer it. html is one standalone page (charts in SVG) for a browser or print; >> writes "
                    + "it only into an empty file. xlsx is an Excel workbook, only for > FILE and export. Numbers print in shortest form, dates as YYYY-MM-DD, absent "
                    + "values empty (null in json). On a terminal, tables are fitted to its width (set width) "
                    + "and long results go through $PAGER (set pager)."))
            .joined(separator: "\n")
    }

    static func settings() -> String {
        (["set OPTION VALUE changes a setting:"] + columns(CommandTable.settings.map { ($0.name, $0.summary) }))
            .joined(separator: "\n")
    }

    static func collections() -> String {
        var lines = ["Collections and their fields (list COLLECTION shows these columns):"]
        lines += columns(EntityKind.allCases.map { ($0.plural, $0.fields.map(\.name).joined(separator: ", ")) })
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

/// Help fits 80 columns: text is wrapped at spaces, two-column lists wrap their second column
/// under itself, and long usages and examples go on over ` \` lines.
extension Help {
    /// The width help text fits in: an 80-column terminal.
    public static let width = 80

    /// `text` in lines of at most `width` characters (a word longer than that on a line of its
    /// own), each after the first behind `indent` spaces.
    static func wrapped(_ text: String, width: Int = Help.width, indent: Int = 0) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let start = lines.isEmpty ? "" : String(repeating: " ", count: indent)
            if line.isEmpty {
                line = start + word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(repeating: " ", count: indent) + word
            }
        }
        lines.append(line)
        return lines
    }

    /// Names and descriptions, the descriptions lined up after the longest name and wrapped
    /// under themselves; when that leaves them too little room, each goes under its name.
    static func columns(_ rows: [(String, String)]) -> [String] {
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let column = 2 + nameWidth + 2
        var lines: [String] = []
        for (name, text) in rows {
            if width - column >= 40 {
                var body = wrapped(text, width: width - column)
                body[0] = "  " + name.padding(to: nameWidth) + "  " + body[0]
                for i in body.indices.dropFirst() { body[i] = String(repeating: " ", count: column) + body[i] }
                lines += body
            } else {
                lines.append("  " + name)
                lines += wrapped(text, width: width - 6).map { "      " + $0 }
            }
        }
        return lines
    }

    /// A line of cts (a usage, an example) that goes on over lines ending in ` \` when it is
    /// longer than `width`; it is broken only at spaces outside quotes, so it runs as before.
    static func continued(_ line: String) -> [String] {
        guard line.count > width else { return [line] }
        var words: [String] = []
        var word = ""
        var quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() }
            if c == " " && !quoted {
                words.append(word)
                word = ""
            } else {
                word.append(c)
            }
        }
        words.append(word)
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = (lines.isEmpty ? "" : "    ") + word
            } else if current.count + 1 + word.count + 2 <= width {
                current += " " + word
            } else {
                lines.append(current + " \\")
                current = "    " + word
            }
        }
        lines.append(current)
        return lines
    }
}
