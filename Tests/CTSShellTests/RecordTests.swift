import Foundation
import Testing

/// `record FILE` at a real terminal: what the file holds after a session with typos, undo and
/// redo, and that replaying it gives the session back.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct RecordTests {
    func startShell(_ session: TmuxSession) throws {
        try session.start(["--no-rc"], environment: ["CTS_HISTORY": "off"])
        try session.waitFor { $0.split(separator: "\n").last == "cts>" }
    }

    /// Types a line and waits for the prompt after it: the `n`th prompt on the screen.
    func run(_ session: TmuxSession, _ line: String, prompt n: Int) throws {
        try session.type(line)
        try session.press("Enter")
        try session.waitFor { screen in
            screen.components(separatedBy: "\n").filter { $0.hasPrefix("cts>") }.count >= n
                && screen.split(separator: "\n").last == "cts>"
        }
    }

    @Test func keepsWhatChangedTheSessionAndNotWhatFailedOrWasUndone() throws {
        let tmux = try TmuxSession()
        defer { tmux.stop() }
        try startShell(tmux)
        let path = tmux.home.appendingPathComponent("recorded.cts").path
        let lines = [
            "record \"\(path)\"",
            "unit add js \"Jiangsu\" kind=locality level=province",
            "unit add js.nj \"Nanjing\" kind=locality level=city parent=js",
            "unit add x \"typo\" kind=nope",
            "count units",
            "unit add js.sz \"Suzhou\" kind=locality level=city parent=js",
            "undo",
            "undo",
            "redo",
            "record stop",
            "unit add js.wx \"Wuxi\" kind=locality level=city parent=js",
        ]
        for (i, line) in lines.enumerated() { try run(tmux, line, prompt: i + 2) }
        let script = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            script == """
                # recorded at the cts prompt; replay it with: cts \(path)
                unit add js "Jiangsu" kind=locality level=province
                unit add js.nj "Nanjing" kind=locality level=city parent=js

                """)
        let (status, out, _) = try runCTS([path, "-c", "list units as csv"], in: tmux.home)
        #expect(status == 0)
        #expect(out.hasSuffix("js,Jiangsu,locality,province,\njs.nj,Nanjing,locality,city,js\n"))
    }

    @Test func recordAllKeepsQueriesToo() throws {
        let tmux = try TmuxSession()
        defer { tmux.stop() }
        try startShell(tmux)
        let path = tmux.home.appendingPathComponent("all.cts").path
        let lines = [
            "record all \"\(path)\"", "unit add js \"Jiangsu\" kind=locality level=province", "count units",
            "list unitz", "record stop",
        ]
        for (i, line) in lines.enumerated() { try run(tmux, line, prompt: i + 2) }
        let script = try String(contentsOfFile: path, encoding: .utf8)
        #expect(script.hasSuffix("unit add js \"Jiangsu\" kind=locality level=province\ncount units\n"))
    }

    @Test func isRefusedInAScript() throws {
        let directory = FileManager.default.temporaryDirectory
        let (status, _, err) = try runCTS(["-c", "record \"never-written.cts\""], in: directory)
        #expect(status == 1)
        #expect(err.contains("error: 'record' works only at the interactive prompt"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("never-written.cts").path))
    }
}
