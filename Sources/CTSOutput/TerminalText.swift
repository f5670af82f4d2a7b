/// Text helpers shared by the human-readable renderers: control-character escaping
/// and padding by display width.
///
/// Data shown in a terminal must never carry raw control characters: an ESC inside a
/// cadre's name could otherwise recolour, move or clear the user's terminal.
///
///     TerminalText.escaped("bell\u{07}\n")   // #"bell\u{07}\n"#
enum TerminalText {
    /// What a tab becomes: `\t` in table cells, a single space in a quoted source line
    /// (so the caret under it still lines up).
    enum TabStyle {
        case escape
        case space
    }

    /// Whether a scalar is a C0 control, DEL or a C1 control.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// `s` with every control character replaced by a visible escape: `\n`, `\t`, `\r`,
    /// and `\u{1B}` (two uppercase hex digits) for the other C0, DEL and C1 controls.
    static func escaped(_ s: String, tabs: TabStyle = .escape) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            guard isControl(scalar) else {
                out.append(scalar)
                continue
            }
            let replacement: String
            switch scalar {
            case "\n": replacement = "\\n"
            case "\r": replacement = "\\r"
            case "\t": replacement = tabs == .escape ? "\\t" : " "
            default: replacement = "\\u{" + hex2(scalar.value) + "}"
            }
            out.append(contentsOf: replacement.unicodeScalars)
        }
        return String(out)
    }

    /// Two uppercase hex digits (all controls are below 0x100).
    static func hex2(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4) & 0xF], digits[Int(value) & 0xF]])
    }

    /// `s` padded with spaces to `width` display columns, on the left when `right` is true.
    static func padded(_ s: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(s)))
        return right ? fill + s : s + fill
    }
}
