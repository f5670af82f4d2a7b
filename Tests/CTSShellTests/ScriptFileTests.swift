import Foundation
import Testing
@testable import CTSShell

/// What cts reads as a script or an include (issue 7, item 21): regular files up to a size
/// limit, and pipes only for a script named on the command line.
@Suite struct ScriptFileTests {
    @Test func devicesAndDirectoriesAreRefused() {
        for (path, reason) in [("/dev/zero", "it is a device, not a regular file"), ("/tmp", "it is a directory")] {
            guard case .failure(let error) = Files.readBytes(path, allowStreams: true) else {
                Issue.record("\(path) was read")
                continue
            }
            #expect(error.reason == reason)
        }
    }

    @Test func filesPastTheLimitAreRefused() throws {
        let scratch = try SessionScratch()
        try scratch.write("big.cts", String(repeating: "echo x\n", count: 100))
        guard case .failure(let error) = Files.readBytes(scratch.path("big.cts"), allowStreams: false, limit: 699)
        else {
            Issue.record("a file past the limit was read")
            return
        }
        #expect(error.reason == "it is larger than 699 bytes, the most a script may hold")
        guard case .success(let bytes) = Files.readBytes(scratch.path("big.cts"), allowStreams: false, limit: 700)
        else {
            Issue.record("a file at the limit was refused")
            return
        }
        #expect(bytes.count == 700)
        #expect(Files.maxScriptBytes == Int(UInt32.max))
    }

    @Test func aScriptMayComeFromAPipe() throws {
        let scratch = try SessionScratch()
        let r = try scratch.cts("-c", "echo before")
        #expect(r.status == 0)
        // `cts <(echo ...)`: the script is a pipe the shell made.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "\"$0\" <(echo 'echo from a pipe')", ctsBinary().path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "from a pipe\n")
    }
}
