import CTSDomain
import CTSLanguage

/// The generated parts of docs/language.md: commands, functions, settings and collections,
/// from the same tables `help` and the parser use. A test keeps the file in step with them.
public enum ReferenceDoc {
    public static let begin = "<!-- generated from the command table: begin -->"
    public static let end = "<!-- generated from the command table: end -->"

    /// The markdown between the markers.
    public static func generated() -> String {
        var out: [String] = []
        for group in CommandGroup.allCases {
            let specs = CommandTable.all.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            out.append("### \(group.title)")
            out.append("")
            for spec in specs {
                out.append("#### `\(spec.name)`")
                out.append("")
                out.append(spec.summary)
                out.append("")
                out.append("```")
                out.append(spec.usage)
                out.append("```")
                out.append("")
                out.append("Example: `\(spec.example)`")
                out.append("")
            }
        }
        out.append("### Functions")
        out.append("")
        out.append("| function | meaning |")
        out.append("|---|---|")
        for f in Functions.all { out.append("| `\(f.usage.replacingBars())` | \(f.summary) |") }
        out.append("")
        out.append("### Settings (`set OPTION VALUE`)")
        out.append("")
        out.append("| setting | meaning |")
        out.append("|---|---|")
        for s in CommandTable.settings { out.append("| `\(s.name)` | \(s.summary) |") }
        out.append("")
        out.append("### Collections and fields")
        out.append("")
        out.append("| collection | fields (in `list` order) |")
        out.append("|---|---|")
        for kind in EntityKind.allCases {
            out.append("| `\(kind.plural)` | " + kind.fields.map { "`\($0.name)`" }.joined(separator: ", ") + " |")
        }
        out.append("")
        out.append("### Enum values")
        out.append("")
        out.append("| vocabulary | values (ordered ones compare in this order) |")
        out.append("|---|---|")
        for v in Vocabulary.allCases {
            out.append(
                "| \(v.rawValue)\(v.isOrdered ? " (ordered)" : "") | "
                    + v.words.map { "`\($0)`" }.joined(separator: ", ") + " |")
        }
        return out.joined(separator: "\n")
    }

    /// `document` with the generated section replaced by a fresh one.
    public static func update(_ document: String) -> String? {
        guard let a = document.firstRange(of: begin), let b = document.firstRange(of: end), a.upperBound <= b.lowerBound
        else {
            return nil
        }
        return String(document[..<a.upperBound]) + "\n" + generated() + "\n" + String(document[b.lowerBound...])
    }
}

extension String {
    /// `|` inside a markdown table cell.
    fileprivate func replacingBars() -> String {
        var s = ""
        for ch in self { s += ch == "|" ? "\\|" : String(ch) }
        return s
    }
}
