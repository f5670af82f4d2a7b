import CTSLanguage

/// Prints a `Diagnostic` in the one format of spec §5.
///
/// The first line is `NAME:LINE:COL: SEVERITY: MESSAGE`. When the location's line exists, the
/// source line follows, indented by four spaces (tabs shown as single spaces, other control
/// characters escaped), then a caret line: `^` under the first character of the range and `~`
/// under the rest of it on that line. The caret is placed by display width, so wide (CJK)
/// characters before it shift it by two columns each. A range that runs past the end of its
/// line is cut there; an empty range gets a lone `^`. Each note follows as `    note: TEXT`.
/// A diagnostic without a range prints as `cts: SEVERITY: MESSAGE`.
///
/// Columns are read from `SourceLocation.column` (1-based, in Unicode scalars). Control
/// characters in the file name, message and notes are escaped like those in the source line.
/// With `colorize`, `error:` is bold red, `warning:` bold yellow, `note:` bold and the caret
/// green; without it the text contains no escape byte.
///
///     budget.cts:14:23: error: unknown unit 'js.orgg' (did you mean 'js.org'?)
///         budget set js.orgg 2009 funds=1200000 revenue=3.2e10
///                           ^~~~~~~
public enum DiagnosticRenderer {
    /// The diagnostic as text ending in "\n", quoting its line from `files`.
    public static func render(_ d: Diagnostic, files: SourceFiles, colorize: Bool = false) -> String {
        let label = severityLabel(d.severity, colorize: colorize)
        let message = TerminalText.escaped(d.message)
        var out: String
        if let range = d.range {
            let file = range.fileID >= 0 && range.fileID < files.files.count ? files[range.fileID] : nil
            let name = TerminalText.escaped(file?.name ?? "<unknown>")
            out = "\(name):\(range.start.line):\(range.start.column): \(label) \(message)\n"
            if let file, range.start.line >= 1, range.start.line <= file.lineCount {
                out += quote(file.line(range.start.line), range: range, colorize: colorize)
            }
        } else {
            out = "cts: \(label) \(message)\n"
        }
        for note in d.notes {
            out += "    " + severityLabel(.note, colorize: colorize) + " " + TerminalText.escaped(note) + "\n"
        }
        return out
    }

    /// `error:` / `warning:` / `note:`, styled when colour is on.
    static func severityLabel(_ severity: Diagnostic.Severity, colorize: Bool) -> String {
        let style =
            switch severity {
            case .error: ANSI.boldRed
            case .warning: ANSI.boldYellow
            case .note: ANSI.bold
            }
        return ANSI.styled(severity.rawValue + ":", style, colorize)
    }

    /// The source line and the caret line under `range` (which starts on this line).
    static func quote(_ line: String, range: SourceRange, colorize: Bool) -> String {
        let scalars = Array(line.unicodeScalars)
        let start = min(max(range.start.column - 1, 0), scalars.count)
        var end = scalars.count
        if range.end.line == range.start.line {
            end = min(max(range.end.column - 1, start), scalars.count)
        } else if range.end.line < range.start.line {
            end = start
        }
        func shown(_ part: ArraySlice<Unicode.Scalar>) -> String {
            TerminalText.escaped(String(String.UnicodeScalarView(part)), tabs: .space)
        }
        let padding = DisplayWidth.of(shown(scalars[..<start]))
        let width = max(1, DisplayWidth.of(shown(scalars[start..<end])))
        let caret = "^" + String(repeating: "~", count: width - 1)
        return "    " + shown(scalars[...]) + "\n"
            + "    " + String(repeating: " ", count: padding) + ANSI.styled(caret, ANSI.green, colorize) + "\n"
    }
}
