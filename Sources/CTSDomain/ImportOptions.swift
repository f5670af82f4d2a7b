/// How `import COLLECTION from "FILE"` reads its file: the options after the file name, checked
/// by the interpreter and carried out by the shell (which owns the file) and the importer.
///
///     import cadres from "gs.csv" encoding=gb18030 delimiter=";" extra=ignore
///     // ImportOptions(format: .csv, encoding: .gb18030, delimiter: 0x3B, ignoresExtraColumns: true)
public struct ImportOptions: Hashable, Sendable {
    /// What the file holds: CSV with a header row, or a JSON array of objects.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case csv, json
    }

    public var format: Format
    /// How the file's bytes are text. A byte order mark at its start overrides it.
    public var encoding: TextEncoding
    /// The byte between the fields of a CSV row (`,`, `;`, a tab, ...).
    public var delimiter: UInt8
    /// `extra=ignore`: columns (CSV) or keys (JSON) that are no field of the kind are left out
    /// instead of refused.
    public var ignoresExtraColumns: Bool

    public init(
        format: Format = .csv, encoding: TextEncoding = .utf8, delimiter: UInt8 = 0x2C,
        ignoresExtraColumns: Bool = false
    ) {
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.ignoresExtraColumns = ignoresExtraColumns
    }

    /// What a file's name implies when `as` and `delimiter=` do not say (the endings of
    /// ``OutputFormat/init(fileName:)``): `.json` is JSON, `.tsv` CSV with tabs, all else CSV.
    public init(fileName: String) {
        switch OutputFormat(fileName: fileName) {
        case .json: self.init(format: .json)
        case .tsv: self.init(delimiter: 0x09)
        default: self.init()
        }
    }

    /// The words `delimiter=` takes, and the bytes they mean. A quoted single character
    /// (`delimiter=";"`, `delimiter="|"`) is taken as well.
    public static let delimiterWords: [(word: String, byte: UInt8)] = [
        ("comma", 0x2C), ("semicolon", 0x3B), ("tab", 0x09), ("pipe", 0x7C),
    ]

    /// The byte `written` names as a delimiter (a word of ``delimiterWords`` or one ASCII
    /// character that is not a quote, a letter, a digit or a line end); nil if none.
    public static func delimiter(_ written: String) -> UInt8? {
        if let named = delimiterWords.first(where: { $0.word == written.lowercased() }) { return named.byte }
        let scalars = Array(written.unicodeScalars)
        guard scalars.count == 1, let ascii = scalars.first, ascii.isASCII else { return nil }
        let byte = UInt8(ascii.value)
        let letterOrDigit = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        guard byte != 0x22, byte != 0x0A, byte != 0x0D, byte >= 0x09, byte != 0x7F, !letterOrDigit else {
            return nil
        }
        return byte
    }

    /// The words `extra=` takes.
    public static let extraWords = ["error", "ignore"]
}

/// The encodings `import` reads, by the names `encoding=` takes.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// What Chinese Excel saves as "CSV" (a superset of GBK and GB2312).
    case gb18030
    /// Little-endian unless a byte order mark says big-endian (what Excel's "Unicode text" is).
    case utf16 = "utf-16"

    /// The name as messages show it.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .utf16: "UTF-16"
        }
    }

    /// The encoding a name of `encoding=` means (`utf8`, `UTF-8`, `gbk` too); nil if none.
    public init?(named name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312": self = .gb18030
        case "utf-16", "utf16": self = .utf16
        default: return nil
        }
    }
}
