import Foundation
import Testing

/// One golden case: `Golden/<feature>/<name>.cts` with `<name>.stdout`, `<name>.stderr` and
/// directives in its leading comments (`# exit: N`, `# args: ...`, `# stdin: FILE`,
/// `# script: none`; see the header of `scripts/golden`).
/// `scripts/golden` replays the same cases; `RECORD=1 scripts/golden` re-records them.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let feature: String
    let name: String

    var testDescription: String { "\(feature)/\(name)" }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var all: [GoldenCase] {
        let fm = FileManager.default
        guard let features = try? fm.contentsOfDirectory(atPath: root.path) else { return [] }
        var cases: [GoldenCase] = []
        for feature in features.sorted() {
            let files = (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(feature).path)) ?? []
            for file in files.sorted() where file.hasSuffix(".cts") && !file.hasPrefix("_") {
                cases.append(GoldenCase(feature: feature, name: String(file.dropLast(4))))
            }
        }
        return cases
    }

    /// Directives from the leading comment block.
    var directives: (exit: Int32, args: [String], stdin: String?, passScript: Bool) {
        let url = Self.root.appendingPathComponent(feature).appendingPathComponent(name + ".cts")
        // Decoded leniently: a case may hold bytes that are not UTF-8 on purpose (errors/not-utf8).
        let text = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        var exit: Int32 = 0, args: [String] = [], stdin: String?, passScript = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("#") else { break }
            let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("exit:") { exit = Int32(body.dropFirst(5).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if body.hasPrefix("args:") { args += Self.words(body.dropFirst(5)) }
            if body.hasPrefix("stdin:") { stdin = body.dropFirst(6).trimmingCharacters(in: .whitespaces) }
            if body.hasPrefix("script:") {
                passScript = body.dropFirst(7).trimmingCharacters(in: .whitespaces) != "none"
            }
        }
        return (exit, args, stdin, passScript)
    }

    /// Splits on blanks, keeping "double-quoted" text as one word (quotes removed).
    static func words(_ text: Substring) -> [String] {
        var result: [String] = [], word = "", have = false, quoted = false
        for c in text {
            if c == "\"" {
                quoted.toggle()
                have = true
            } else if !quoted && c.isWhitespace {
                if have { result.append(word) }
                word = ""
                have = false
            } else {
                word.append(c)
                have = true
            }
        }
        if have { result.append(word) }
        return result
    }
}

/// The built `cts` executable, beside the test bundle (or `CTS_BINARY`).
func ctsBinary() -> URL {
    if let path = ProcessInfo.processInfo.environment["CTS_BINARY"] { return URL(fileURLWithPath: path) }
    let bundle = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    var dir = bundle.deletingLastPathComponent()
    while dir.path != "/" {
        let candidate = dir.appendingPathComponent("cts")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/cts")
}

/// Runs cts in `directory` and returns (status, stdout, stderr).
func runCTS(
    _ arguments: [String], in directory: URL, stdin: URL? = nil,
    environment: [String: String]? = nil
) throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = ctsBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = environment ?? ProcessInfo.processInfo.environment
    if environment == nil { env["NO_COLOR"] = "1" }
    env["TZ"] = "UTC"
    env["LC_ALL"] = "C.UTF-8"
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
    return try runToEnd(process, out: out, err: err)
}

/// Starts `process`, whose standard output and error are `out` and `err`, and waits for it;
/// returns (status, stdout, stderr). Both pipes are read while it runs, so a large output
/// cannot block it.
func runToEnd(_ process: Process, out: Pipe, err: Pipe) throws -> (Int32, String, String) {
    try process.run()
    let errData = Box()
    // The semaphore, not a poll of `errData`, orders the reader's write before the read here
    // (ThreadSanitizer found the poll racing).
    let read = DispatchSemaphore(value: 0)
    let reader = Thread {
        errData.data = err.fileHandleForReading.readDataToEndOfFile()
        read.signal()
    }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    read.wait()
    return (
        process.terminationStatus, String(decoding: outData, as: UTF8.self),
        String(decoding: errData.data!, as: UTF8.self)
    )
}

final class Box: @unchecked Sendable {
    var data: Data?
}

@Suite struct GoldenTests {
    @Test(arguments: GoldenCase.all)
    func script(_ golden: GoldenCase) throws {
        let fm = FileManager.default
        // Run in a scratch copy of the feature folder: scripts may write files.
        let scratch = fm.temporaryDirectory.appendingPathComponent("cts-golden-\(UUID().uuidString)")
        try fm.copyItem(at: GoldenCase.root.appendingPathComponent(golden.feature), to: scratch)
        defer { try? fm.removeItem(at: scratch) }
        let (exit, args, stdin, passScript) = golden.directives
        let (status, stdout, stderr) = try runCTS(
            args + (passScript ? [golden.name + ".cts"] : []), in: scratch,
            stdin: stdin.map { scratch.appendingPathComponent($0) })
        func expected(_ suffix: String) -> String {
            (try? String(contentsOf: scratch.appendingPathComponent(golden.name + suffix), encoding: .utf8)) ?? ""
        }
        #expect(stdout == expected(".stdout"), "stdout of \(golden.testDescription)")
        #expect(stderr == expected(".stderr"), "stderr of \(golden.testDescription)")
        #expect(status == exit, "exit status of \(golden.testDescription)")
    }

    @Test func thereAreGoldenCases() {
        #expect(GoldenCase.all.count > 0)
    }

    /// The spec's own example (../shared/spec/examples), when that folder is present.
    @Test func specExampleRuns() throws {
        let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/spec/examples/workshop.cts")
        guard FileManager.default.fileExists(atPath: example.path) else { return }
        let (status, stdout, stderr) = try runCTS([example.path], in: example.deletingLastPathComponent())
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("c3,Zhang Min – 张敏,bureau,300"))
        #expect(stderr.isEmpty)
    }
}
