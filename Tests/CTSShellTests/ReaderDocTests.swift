import Foundation
import Testing

/// The pandas and Datasette examples of docs/session-files.md, run (issue 12): a block after
/// `<!-- checked: python, after examples/X.cts -->` is a Python program whose output is the
/// next block; after `<!-- checked: shell, after examples/X.cts -->`, `$ ` lines and what they
/// print. Each runs in a folder holding `province.ctsdb`, the session of that script.
///
/// The tools come from `CTS_READER_TOOLS`, a Python virtual environment with pandas and
/// Datasette that `scripts/test` makes; without it (PyPI unreachable) the test is skipped,
/// and says so.
@Suite struct ReaderDocTests {
    static let tools = ProcessInfo.processInfo.environment["CTS_READER_TOOLS"].flatMap { path in
        FileManager.default.isExecutableFile(atPath: path + "/bin/python") ? path : nil
    }

    struct Example {
        let language: String
        let script: String
        let code: String
        let expected: String
        let line: Int
    }

    /// Every checked example of the page, in order.
    static func examples() throws -> [Example] {
        let page = try String(
            contentsOf: TutorialFolder.checkout.appendingPathComponent("docs/session-files.md"), encoding: .utf8)
        let lines = page.components(separatedBy: "\n")
        /// The fenced block starting at or after `i`: its lines and the index after it.
        func block(from i: Int) -> (lines: [String], next: Int)? {
            guard let open = lines[i...].firstIndex(where: { $0.hasPrefix("```") }),
                let close = lines[(open + 1)...].firstIndex(where: { $0 == "```" })
            else { return nil }
            return (Array(lines[(open + 1)..<close]), close + 1)
        }
        var examples: [Example] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("<!-- checked: ") {
            let fields = line.dropFirst(14).dropLast(4).components(separatedBy: ", after ")
            guard fields.count == 2, let code = block(from: i + 1) else {
                Issue.record("docs/session-files.md:\(i + 1): a checked example needs a language, a script and a block")
                continue
            }
            let language = fields[0], script = fields[1].trimmingCharacters(in: .whitespaces)
            if language == "python", let output = block(from: code.next) {
                examples.append(
                    Example(
                        language: language, script: script, code: code.lines.joined(separator: "\n") + "\n",
                        expected: output.lines.joined(separator: "\n") + "\n", line: i + 1))
            } else if language == "shell" {
                let commands = code.lines.filter { $0.hasPrefix("$ ") }.map { String($0.dropFirst(2)) }
                let output = code.lines.filter { !$0.hasPrefix("$ ") }
                examples.append(
                    Example(
                        language: language, script: script, code: commands.joined(separator: "\n") + "\n",
                        expected: output.joined(separator: "\n") + "\n", line: i + 1))
            } else {
                Issue.record("docs/session-files.md:\(i + 1): unknown language \(language)")
            }
        }
        return examples
    }

    @Test func thePageHasItsPandasAndDatasetteExamples() throws {
        let examples = try Self.examples()
        #expect(examples.contains { $0.language == "python" && $0.code.contains("import pandas") })
        #expect(examples.contains { $0.language == "shell" && $0.code.contains("datasette") })
    }

    @Test(
        .enabled(
            if: tools != nil,
            "CTS_READER_TOOLS is not a Python environment with pandas and Datasette (scripts/test makes one)"))
    func pandasAndDatasetteReadTheViewsAsThePageShows() throws {
        let tools = try #require(Self.tools)
        for example in try Self.examples() {
            let dir = try SessionScratch()
            let script = TutorialFolder.checkout.appendingPathComponent(example.script).path
            let made = try dir.cts("-s", "province.ctsdb", script)
            #expect(made.status == 0, "\(made)")
            let program = example.language == "python" ? "example.py" : "example.sh"
            try dir.write(program, example.code)
            let process = Process()
            process.executableURL = URL(
                fileURLWithPath: example.language == "python" ? tools + "/bin/python" : "/bin/bash")
            process.arguments = [dir.path(program)]
            process.currentDirectoryURL = dir.url
            process.environment = [
                "PATH": tools + "/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": dir.url.path, "TZ": "UTC",
            ]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let complaint = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "docs/session-files.md:\(example.line): \(complaint)")
            #expect(printed == example.expected, "docs/session-files.md:\(example.line)")
        }
    }
}
