import CTSDomain

/// The one escaping function for text bound for a terminal, and padding by display width.
///
/// Data shown in a terminal must never carry raw control characters: an ESC inside a
/// cadre's name could otherwise recolour, move or clear the user's terminal, a CR could
/// overwrite what came before it on the line, and a bidi override (U+202E) could show
/// `c1 moc.elpmaxe` where the text is `c1 example.com`. Such scalars are shown as visible
/// escapes instead, in the notation of cts strings (`\n`, `\t`, `\r`, `\u{1B}`, `\u{202E}`),
/// so what the user sees can be typed back in. Escaping is for the screen only: files and
/// pipes receive the exact bytes (spec: "Machine-readable output is exact").
///
/// What is escaped (``needsEscape(_:)``): the C0 controls, DEL and the C1 controls; the bidi
/// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069); the line and paragraph
/// separators U+2028 and U+2029 (a terminal breaks, or not, as it likes); and the invisible
/// U+200B zero width space, U+2060 word joiner and U+FEFF byte order mark, with which two
/// different ids look the same. The joiners U+200C and U+200D stay: scripts and emoji need them.
///
///     TerminalText.escaped("bell\u{07}\n")                   // #"bell\u{07}\n"#
///     TerminalText.escaped("a\u{202E}b")                      // #"a\u{202E}b"#
///     TerminalText.escaped("two\nlines", newlines: .keep)     // "two\nlines"
public enum TerminalText {
    /// What a tab becomes: `\t` in table cells, a single space in a quoted source line
    /// (so the caret under it still lines up), itself in free text (it only moves the cursor).
    public enum TabStyle: Sendable {
        case escape
        case space
        case keep
    }

    /// What a line feed becomes: `\n` inside one line (a cell, a message), itself in text of
    /// several lines (`echo`, `help`, a csv result), where it is the structure.
    public enum NewlineStyle: Sendable {
        case escape
        case keep
    }

    /// How an escape is written: `\u{1B}` as in cts strings, or `\u001b` as in JSON, so that
    /// a json result at the terminal stays valid JSON with the same values.
    public enum Notation: Sendable {
        case cts
        case json
    }

    /// Whether a scalar is a C0 control, DEL or a C1 control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// Whether a scalar is a bidi control or one of the invisible format characters that are
    /// shown escaped (see the type's comment).
    public static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar is never written raw to a terminal.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isInvisibleFormat(scalar)
    }

    /// `s` with every scalar of ``needsEscape(_:)`` replaced by a visible escape: `\n`, `\t`,
    /// `\r` for those three (unless kept), `\u{1B}` (two uppercase hex digits) for the other
    /// controls, `\u{202E}` (four) for the format characters; with the json notation `\n`,
    /// `\t`, `\r` and `\u001b`, `\u202e`. With `formats` false only the controls are
    /// escaped (the html page, where the browser lays out bidi text and nothing can recolour).
    public static func escaped(
        _ s: String, tabs: TabStyle = .escape, newlines: NewlineStyle = .escape, notation: Notation = .cts,
        formats: Bool = true
    ) -> String {
        func kept(_ scalar: Unicode.Scalar) -> Bool {
            (scalar == "\n" && newlines == .keep) || (scalar == "\t" && tabs == .keep)
                || (!formats && !isControl(scalar))
        }
        // Most text has nothing to escape: one pass over the bytes tells (every scalar to
        // escape is a control byte, or starts with a lead byte of U+0080 and up).
        guard s.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }),
            s.unicodeScalars.contains(where: { needsEscape($0) && !kept($0) })
        else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            guard needsEscape(scalar), !kept(scalar) else {
                out.append(scalar)
                continue
            }
            let replacement: String
            switch scalar {
            case "\n": replacement = "\\n"
            case "\r": replacement = "\\r"
            case "\t": replacement = tabs == .space ? " " : "\\t"
            default:
                switch notation {
                case .cts: replacement = "\\u{" + hex(scalar.value, digits: scalar.value < 0x100 ? 2 : 4) + "}"
                case .json: replacement = "\\u" + hex(scalar.value, digits: 4).lowercased()
                }
            }
            out.append(contentsOf: replacement.unicodeScalars)
        }
        return String(out)
    }

    /// Text of several lines (echo, help, a csv result, a confirmation) as it may reach the
    /// terminal: escaped, its line feeds and tabs kept.
    public static func escapedLines(_ s: String, notation: Notation = .cts) -> String {
        escaped(s, tabs: .keep, newlines: .keep, notation: notation)
    }

    /// A result as `Renderer` wrote it in `format`, as it may reach a terminal. The formats for
    /// programs (csv, tsv, json, ndjson), exact everywhere else, are escaped here: json and
    /// ndjson in JSON's notation, which keeps them the same JSON (every scalar escaped there is
    /// inside a string); html likewise, since its page escapes controls only. table, markdown
    /// and chart escape every cell as they lay it out (and their colours must stay).
    public static func result(_ text: String, as format: OutputFormat) -> String {
        switch format {
        case .json, .ndjson: escapedLines(text, notation: .json)
        case .csv, .tsv, .html: escapedLines(text)
        case .table, .markdown, .chart: text
        case .xlsx: preconditionFailure("a workbook is not text: it never reaches a terminal")
        }
    }

    /// `value` in uppercase hex, at least `digits` digits (every escaped scalar is in the BMP).
    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// `s` padded with spaces to `width` display columns, on the left when `right` is true.
    static func padded(_ s: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(s)))
        return right ? fill + s : s + fill
    }
}
