import Foundation
import Testing

/// One golden case: `Golden/<feature>/<name>.cts` with `<name>.stdout`, `<name>.stderr` and
/// directives in its leading comments (`# exit: N`, `# args: ...`, `# stdin: FILE`).
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
    var directives: (exit: Int32, args: [String], stdin: String?) {
        let url = Self.root.appendingPathComponent(feature).appendingPathComponent(name + ".cts")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var exit: Int32 = 0, args: [String] = [], stdin: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("#") else { break }
            let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("exit:") { exit = Int32(body.dropFirst(5).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if body.hasPrefix("args:") {
                args += body.dropFirst(5).split(separator: " ").map(String.init)
            }
            if body.hasPrefix("stdin:") { stdin = body.dropFirst(6).trimmingCharacters(in: .whitespaces) }
        }
        return (exit, args, stdin)
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
func runCTS(_ arguments: [String], in directory: URL, stdin: URL? = nil) throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = ctsBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["TZ"] = "UTC"
    environment["LC_ALL"] = "C.UTF-8"
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so a large output cannot block it.
    let errData = Box()
    let reader = Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errData.data == nil { usleep(1000) }
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.data!, as: UTF8.self))
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
        let (exit, args, stdin) = golden.directives
        let (status, stdout, stderr) = try runCTS(args + [golden.name + ".cts"], in: scratch,
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
