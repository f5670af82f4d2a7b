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
            if let line = file?.lineBytes(range.start.line) {
                out += quote(line.bytes, at: line.offset, range: range, colorize: colorize)
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

    /// The most characters of a line a diagnostic quotes. A longer line is shown as the
    /// part around the caret, with `…` where it was cut: an error on a line of 100 MB
    /// prints a few hundred bytes, not the line.
    public static let maxQuotedCharacters = 200
    /// Of those, how many come before the caret, when the line goes on long enough after it.
    static let quotedBeforeCaret = 60

    /// The source line (the bytes of the line that starts at UTF-8 offset `offset`) and the
    /// caret line under `range`, which starts on this line.
    static func quote(_ line: ArraySlice<UInt8>, at offset: Int, range: SourceRange, colorize: Bool) -> String {
        guard line.count > maxQuotedCharacters, scalarStarts(line, from: line.startIndex, upTo: line.endIndex,
            atMost: maxQuotedCharacters + 1) > maxQuotedCharacters
        else { return quote(Lexer.displayText(line), range: range, colorize: colorize) }
        // Offsets within `line`, from the range's UTF-8 offsets (columns would need every
        // character before the caret to be counted).
        let caret = min(max(line.startIndex + range.start.utf8Offset - offset, line.startIndex), line.endIndex)
        var caretEnd = line.endIndex
        if range.end.line == range.start.line {
            caretEnd = min(max(line.startIndex + range.end.utf8Offset - offset, caret), line.endIndex)
        } else if range.end.line < range.start.line {
            caretEnd = caret
        }
        var start = back(line, from: caret, characters: quotedBeforeCaret)
        let before = scalarStarts(line, from: start, upTo: caret, atMost: quotedBeforeCaret)
        let end = forward(line, from: caret, characters: maxQuotedCharacters - before)
        let after = scalarStarts(line, from: caret, upTo: end, atMost: maxQuotedCharacters)
        // Near the end of the line, what is left of the budget goes before the caret.
        if end == line.endIndex { start = back(line, from: caret, characters: maxQuotedCharacters - after) }
        func shown(_ from: Int, _ to: Int) -> String {
            TerminalText.escaped(Lexer.displayText(line[from..<to]), tabs: .space)
        }
        let head = start > line.startIndex ? "…" : ""
        let tail = end < line.endIndex ? "…" : ""
        let padding = DisplayWidth.of(head + shown(start, caret))
        let width = max(1, DisplayWidth.of(shown(caret, min(caretEnd, end))))
        let marks = "^" + String(repeating: "~", count: width - 1)
        return "    " + head + shown(start, end) + tail + "\n"
            + "    " + String(repeating: " ", count: padding) + ANSI.styled(marks, ANSI.green, colorize) + "\n"
    }

    /// Whether `byte` starts a character: the bytes after the first of a UTF-8 sequence never do.
    private static func startsCharacter(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    /// How many characters start in `line[from..<to]`, counting no further than `atMost`.
    private static func scalarStarts(_ line: ArraySlice<UInt8>, from: Int, upTo to: Int, atMost: Int) -> Int {
        var count = 0
        var i = from
        while i < to && count < atMost {
            if startsCharacter(line[i]) { count += 1 }
            i += 1
        }
        return count
    }

    /// The offset `characters` characters before `from` (or the line's start).
    private static func back(_ line: ArraySlice<UInt8>, from: Int, characters: Int) -> Int {
        var i = from
        var count = 0
        while i > line.startIndex && count < characters {
            let end = i
            i -= 1
            // A sequence is at most 4 bytes; more continuation bytes are each a character shown as `?`.
            while i > line.startIndex && !startsCharacter(line[i]) && end - i < 4 { i -= 1 }
            count += 1
        }
        return i
    }

    /// The offset `characters` characters after `from` (or the line's end).
    private static func forward(_ line: ArraySlice<UInt8>, from: Int, characters: Int) -> Int {
        var i = from
        var count = 0
        while i < line.endIndex && count < characters {
            i += 1
            while i < line.endIndex && !startsCharacter(line[i]) { i += 1 }
            count += 1
        }
        return i
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
