import Foundation
import Testing

/// One case of the bad-input corpus (issue 11): a script that must fail, the first line of
/// standard error it must print, and any other files it includes.
///
/// The corpus is data, one `.cases` file per category under `Tests/CTSShellTests/BadInput/`,
/// so that it grows without Swift code. A file reads:
///
///     # Free text before the first case and between cases is commentary.
///     === cadre add without its name
///     cadre add c9 unit=nj.fin rank=staff category=leading
///     --> case.cts:1:14: error: 'cadre add' needs "NAME"; usage: …
///
/// - `=== NAME` starts a case; the lines after it, up to `-->`, are the script `case.cts`
///   (each line ends in a newline, as in a file).
/// - `--- file NAME` inside a case starts another file next to `case.cts` (for `include`); the
///   lines after it, up to the next `--- file` or `-->`, are its text.
/// - `--- no final newline` leaves the newline off the last line of the file being written.
/// - `--- exit N`: the exit status the run must end with, when it is not 1 (3 for a session
///   file that cannot be opened).
/// - `--- run in its folder`: run the built `cts` in the case's folder instead of a runner in
///   the test, for commands that find files from the working directory (`import`, `open`):
///   the province is then in a session file, and the script runs with `-s` on it.
/// - `--> LINE` ends the case: LINE is the first line cts prints on standard error, as users
///   see it (`FILE:LINE:COLUMN: error: MESSAGE`, file names relative to the case's folder).
/// - In the lines of a file, `\xHH` (two hex digits) is the byte 0xHH, so that invalid UTF-8,
///   NUL and control characters can be written; `\\x` is a plain backslash and `x`. Every other
///   backslash is itself (cts's own `\` escapes and line continuations pass through).
struct BadInputCase: CustomTestStringConvertible, Sendable {
    /// The category file, without `.cases`.
    let category: String
    let name: String
    /// The line of `=== NAME` in the category file, for failure messages.
    let line: Int
    /// The files of the case, by name; `case.cts` is the script that is run.
    var files: [(name: String, bytes: [UInt8])]
    var expected: String
    var exitStatus: Int32 = 1
    var runsInItsFolder = false

    var testDescription: String { "\(category)/\(name)" }

    static let scriptName = "case.cts"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInput")

    /// Every case of every category file, in file and name order.
    static var all: [BadInputCase] {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasSuffix(".cases") }.sorted()
        return names.flatMap { file -> [BadInputCase] in
            let text = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            return (try? parse(text, category: String(file.dropLast(6)))) ?? []
        }
    }

    /// A category file that does not follow the format.
    struct FormatError: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "line \(line): \(reason)" }
    }

    /// The cases of one category file's text.
    static func parse(_ text: String, category: String) throws -> [BadInputCase] {
        var cases: [BadInputCase] = []
        var current: BadInputCase?
        var fileName = scriptName
        var lines: [String] = []
        var finalNewline = true

        func endFile() throws {
            guard current != nil else { return }
            var bytes: [UInt8] = []
            for (i, line) in lines.enumerated() {
                bytes += try decode(line)
                if i < lines.count - 1 || finalNewline { bytes.append(0x0A) }
            }
            current!.files.append((fileName, bytes))
            lines = []
            finalNewline = true
        }

        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.hasPrefix("=== ") {
                guard current == nil else { throw FormatError(line: number, reason: "a case before has no '-->' line") }
                current = BadInputCase(
                    category: category, name: String(line.dropFirst(4)), line: number, files: [], expected: "")
                fileName = scriptName
            } else if current == nil {
                continue  // commentary
            } else if line.hasPrefix("--- file ") {
                try endFile()
                fileName = String(line.dropFirst(9))
            } else if line == "--- no final newline" {
                finalNewline = false
            } else if line.hasPrefix("--- exit ") {
                guard let status = Int32(line.dropFirst(9)) else {
                    throw FormatError(line: number, reason: "'--- exit' needs a number")
                }
                current!.exitStatus = status
            } else if line == "--- run in its folder" {
                current!.runsInItsFolder = true
            } else if line.hasPrefix("--> ") {
                try endFile()
                current!.expected = String(line.dropFirst(4))
                cases.append(current!)
                current = nil
            } else {
                lines.append(String(line))
            }
        }
        if let current { throw FormatError(line: current.line, reason: "case '\(current.name)' has no '-->' line") }
        return cases
    }

    /// The bytes of one line of a case file: `\xHH` is a byte, `\\x` a backslash and `x`.
    static func decode(_ line: String) throws -> [UInt8] {
        let utf8 = Array(line.utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 2 < utf8.count, utf8[i + 1] == UInt8(ascii: "\\"),
                utf8[i + 2] == UInt8(ascii: "x")
            {
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "x")]
                i += 3
            } else if utf8[i] == UInt8(ascii: "\\"), i + 1 < utf8.count, utf8[i + 1] == UInt8(ascii: "x") {
                guard i + 3 < utf8.count,
                    let byte = UInt8(String(decoding: utf8[i + 2...i + 3], as: UTF8.self), radix: 16)
                else { throw FormatError(line: 0, reason: "'\\x' needs two hex digits in: \(line)") }
                bytes.append(byte)
                i += 4
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return bytes
    }
}
