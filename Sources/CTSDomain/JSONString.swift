/// JSON string literals, written one way everywhere: by the json and ndjson formats and in the
/// JSON of generated files (the TextMate grammar).
///
///     JSONString.literal("Li \"Wei\"")   // the 12 characters "Li \"Wei\""
public enum JSONString {
    /// A JSON string literal. Escapes `"`, `\`, the C0 controls (short forms where JSON has
    /// them), DEL and C1 controls, and U+2028/U+2029 (which break JavaScript string literals).
    public static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Four lowercase hex digits, as in `\u001b`.
    public static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
