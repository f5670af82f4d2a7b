import CTSDomain

/// A JSON document built in code and written with its keys in the order given, indented by
/// two spaces, or as the same property list: for the TextMate grammar, a generated file that is
/// committed, whose text must be the same on every run and read well in a diff.
///
/// ```
/// JSONText.object([("name", "cts"), ("fileTypes", .array(["cts"]))]).text
/// ```
public indirect enum JSONText: ExpressibleByStringLiteral, Sendable {
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    public init(stringLiteral value: String) { self = .string(value) }

    /// The document, ending in a newline.
    public var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .string(let s): out += Self.quoted(s)
        case .array(let items) where items.isEmpty: out += "[]"
        case .array(let items):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(to: &out, indent: inner)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members) where members.isEmpty: out += "{}"
        case .object(let members):
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += inner + Self.quoted(key) + ": "
                value.write(to: &out, indent: inner)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// The same document as an XML property list (what Sublime Text reads a `.tmLanguage` as).
    public var propertyList: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">

            """
        writePropertyList(to: &out, indent: "")
        return out + "</plist>\n"
    }

    private func writePropertyList(to out: inout String, indent: String) {
        switch self {
        case .string(let s): out += indent + "<string>" + Self.xmlEscaped(s) + "</string>\n"
        case .array(let items):
            out += indent + "<array>\n"
            for item in items { item.writePropertyList(to: &out, indent: indent + "  ") }
            out += indent + "</array>\n"
        case .object(let members):
            out += indent + "<dict>\n"
            for (key, value) in members {
                out += indent + "  <key>" + Self.xmlEscaped(key) + "</key>\n"
                value.writePropertyList(to: &out, indent: indent + "  ")
            }
            out += indent + "</dict>\n"
        }
    }

    /// `&`, `<` and `>` as XML entities.
    static func xmlEscaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// `s` as a JSON string literal.
    static func quoted(_ s: String) -> String { JSONString.literal(s) }
}
