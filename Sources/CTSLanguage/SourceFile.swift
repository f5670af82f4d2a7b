/// One source text (a script file, a `-c` argument, a line typed at the prompt).
public struct SourceFile: Sendable {
    /// The name printed in diagnostics: a path as given, `<command-line>`, `<stdin>`.
    public let name: String
    public let text: String
    /// UTF-8 offsets at which each line starts.
    public let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        lineStarts = starts
    }

    /// The text of a 1-based line, without its line end.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = Array(text.utf8)
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// Maps file ids to sources, so a location can be printed as `name:line:col` with its line.
public final class SourceFiles: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Registers a source and returns its id.
    public func add(name: String, text: String) -> Int {
        files.append(SourceFile(name: name, text: text))
        return files.count - 1
    }

    public subscript(id: Int) -> SourceFile { files[id] }
}
