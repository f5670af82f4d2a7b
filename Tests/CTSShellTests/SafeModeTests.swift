import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Foundation
import Testing

@testable import CTSShell

/// `--safe` (issue 11): the commands that would read or write a file other than the session
/// file are refused before they touch it. Each test first checks its premise without --safe
/// (the same command does touch the file), so that it cannot pass by doing nothing. The
/// messages and the places of the errors are in the goldens (Golden/safe).
@Suite struct SafeModeTests {
    static let units = """
        unit add js "Jiangsu Province" kind=locality level=province
        unit add nj "Nanjing" kind=locality level=city parent=js

        """

    /// A command, and the file it creates when it is allowed.
    struct FileWrite: CustomTestStringConvertible, Sendable {
        let command: String
        let file: String
        var testDescription: String { command }
    }

    static let writes = [
        FileWrite(command: "list units columns id as csv > \"out.csv\"", file: "out.csv"),
        FileWrite(command: "list units columns id as csv >> \"out.csv\"", file: "out.csv"),
        FileWrite(command: "export units to \"out.csv\" as csv", file: "out.csv"),
        FileWrite(command: "dump \"out.cts\"", file: "out.cts"),
        FileWrite(command: "save \"out.ctsdb\"", file: "out.ctsdb"),
    ]

    @Test(arguments: writes) func aRefusedWriteCreatesNoFile(_ write: FileWrite) throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        let allowed = try dir.cts("units.cts", "-c", write.command)
        #expect(allowed.status == 0 && dir.exists(write.file), "\(allowed)")
        try FileManager.default.removeItem(atPath: dir.path(write.file))

        let refused = try dir.cts("--safe", "units.cts", "-c", write.command)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.err.contains("is not allowed with --safe"), "\(refused)")
        #expect(!dir.exists(write.file))
    }

    @Test func aRefusedAppendLeavesTheFileAsItWas() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        try dir.write("out.csv", "id\nzz\n")
        let append = "list units columns id as csv >> \"out.csv\""
        #expect(try dir.cts("--safe", "units.cts", "-c", append).status == 1)
        #expect(try dir.text("out.csv") == "id\nzz\n")
        #expect(try dir.cts("units.cts", "-c", append).status == 0)
        #expect(try dir.text("out.csv") == "id\nzz\njs\nnj\n")
    }

    @Test func anIncludedScriptDoesNotRun() throws {
        let dir = try SessionScratch()
        try dir.write("marker.cts", "echo MARKER\nunit add xx \"Marker\" kind=locality level=province\n")
        let arguments = ["--keep-going", "-c", "include \"marker.cts\"", "-c", "count units as csv"]
        let allowed = try dir.cts(arguments)
        #expect(allowed.status == 0 && allowed.out == "MARKER\ncount\n1\n", "\(allowed)")

        let refused = try dir.cts(["--safe"] + arguments)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.out == "count\n0\n", "\(refused)")
        #expect(refused.err.contains("include is not allowed with --safe: it reads 'marker.cts'"), "\(refused)")
    }

    @Test func anImportReadsNothing() throws {
        let dir = try SessionScratch()
        try dir.write("units.csv", "id,name,kind,level\nxx,Marker,locality,province\n")
        let arguments = ["--keep-going", "-c", "import units from \"units.csv\"", "-c", "count units as csv"]
        #expect(try dir.cts(arguments).out == "count\n1\n")

        let refused = try dir.cts(["--safe"] + arguments)
        #expect(refused.status == 1 && refused.out == "count\n0\n", "\(refused)")
        #expect(refused.err.contains("import is not allowed with --safe: it reads 'units.csv'"), "\(refused)")
    }

    @Test func aRefusedCommandLeavesTheSessionFileAsItWas() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        #expect(try dir.cts("-s", "F.ctsdb", "units.cts").status == 0)
        let before = try dir.dump("F.ctsdb")
        try dir.write(
            "untrusted.cts",
            "unit add sz \"Suzhou\" kind=locality level=city parent=js\nunit remove nj\n"
                + "list units > \"units.txt\"\n")
        let run = try dir.cts("--safe", "-s", "F.ctsdb", "untrusted.cts")
        #expect(run.status == 1, "\(run)")
        #expect(run.err.contains("'>' is not allowed with --safe: it writes 'units.txt'"), "\(run)")
        // All or nothing: the changes before the refused command are taken back.
        #expect(try dir.dump("F.ctsdb") == before)
        #expect(!dir.exists("units.txt"))
    }

    @Test func aScriptThatTouchesNoOtherFileChangesTheSessionFile() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units + "save\nsave \"F.ctsdb\"\n")
        let run = try dir.cts("--safe", "-s", "F.ctsdb", "units.cts")
        #expect(run.status == 0 && run.err.isEmpty, "\(run)")
        #expect(try dir.count("units", in: "F.ctsdb") == "count\n2\n")
    }

    @Test func openOfAnotherFileReadsNothingAndTheSessionFileStays() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        #expect(try dir.cts("-s", "other.ctsdb", "units.cts").status == 0)
        let arguments = ["--keep-going", "-s", "F.ctsdb", "-c", "open \"other.ctsdb\"", "-c", "count units as csv"]
        #expect(try dir.cts(arguments).out == "count\n2\n")

        let refused = try dir.cts(["--safe"] + arguments)
        #expect(refused.status == 1 && refused.out == "count\n0\n", "\(refused)")
        #expect(refused.err.contains("open is not allowed with --safe: it reads 'other.ctsdb'"), "\(refused)")
    }
}

/// `cts -i --safe` at a real terminal: the rc file does not run, the prompt keeps the
/// restriction, and TAB completes no file names.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct SafeModePromptTests {
    @Test func theRcFileDoesNotRunAndThePromptRefusesFiles() throws {
        let tmux = try TmuxSession()
        let config = tmux.home.appendingPathComponent("config/cts")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "echo rc ran\n".write(to: config.appendingPathComponent("ctsrc"), atomically: true, encoding: .utf8)
        let out = tmux.home.appendingPathComponent("out.csv")
        try tmux.start(["--safe"])
        try tmux.waitFor { $0.split(separator: "\n").last == "cts>" }
        #expect(!(try tmux.screen()).contains("rc ran"))

        try tmux.type("unit add js \"Jiangsu\" kind=locality level=province")
        try tmux.press("Enter")
        try tmux.type("list units columns id as csv > \"\(out.path)\"")
        try tmux.press("Enter")
        try tmux.waitFor("'>' is not allowed with --safe: it writes '\(out.path)'")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // The prompt goes on after the refusal, and the session is as it was.
        try tmux.type("count units as csv")
        try tmux.press("Enter")
        try tmux.waitFor { $0.contains("count units as csv\ncount\n1\ncts>") }
    }

    /// TAB after `include "DIR/marker-f` completes the file name, but not under --safe, where no
    /// command may take one (the Z typed after TAB shows what TAB did).
    @Test(arguments: [false, true]) func tabCompletesFileNamesOnlyWithoutSafe(_ safe: Bool) throws {
        let tmux = try TmuxSession()
        try "echo x\n".write(
            to: tmux.home.appendingPathComponent("marker-file.cts"), atomically: true, encoding: .utf8)
        try tmux.start(["--no-rc"] + (safe ? ["--safe"] : []))
        try tmux.waitFor { $0.split(separator: "\n").last == "cts>" }
        try tmux.type("include \"\(tmux.home.path)/marker-f")
        try tmux.press("Tab")
        try tmux.type("Z")
        let screen = try tmux.waitFor { $0.contains("marker-fZ") || $0.contains("marker-file.cts\" Z") }
        #expect(screen.contains(safe ? "marker-fZ" : "marker-file.cts\" Z"), "\(screen)")
    }
}

/// ``SafeMode/refusal(of:isSessionFile:)`` over each kind of effect: what it refuses, with
/// which words, and what it lets through.
@Suite struct SafeModeRefusalTests {
    static let at = SourceRange(
        SourceLocation(fileID: 0, line: 1, column: 6, utf8Offset: 5),
        SourceLocation(fileID: 0, line: 1, column: 13, utf8Offset: 12))

    func message(_ effect: Effect, sessionFile: String = "work.ctsdb") -> String? {
        let diagnostic = SafeMode.refusal(of: effect, isSessionFile: { $0 == sessionFile })
        if let diagnostic { #expect(diagnostic.range == Self.at) }
        return diagnostic?.message
    }

    @Test func theCommandsThatTouchAnotherFileAreRefusedAtTheFile() {
        let table = ResultTable(columns: ["id"])
        let redirect = { (append: Bool) in RedirectTarget(path: "o.csv", append: append, range: Self.at) }
        let refused: [(Effect, String)] = [
            (.include(path: "x.cts", range: Self.at), "include is not allowed with --safe: it reads 'x.cts'"),
            (
                .importRecords(.cadre, path: "c.csv", options: ImportOptions(), range: Self.at),
                "import is not allowed with --safe: it reads 'c.csv'"
            ),
            (
                .export(.cadre, path: "c.csv", format: .csv, bom: false, range: Self.at),
                "export is not allowed with --safe: it writes 'c.csv'"
            ),
            (
                .table(table, spec: OutputSpec(.csv), redirect: redirect(false)),
                "'>' is not allowed with --safe: it writes 'o.csv'"
            ),
            (
                .table(table, spec: OutputSpec(.csv), redirect: redirect(true)),
                "'>>' is not allowed with --safe: it appends to 'o.csv'"
            ),
            (
                .dump(path: "work.ctsdb", range: Self.at),
                "dump to a file is not allowed with --safe: it writes 'work.ctsdb'"
            ),
            (
                .saveSession(path: "copy.ctsdb", range: Self.at),
                "save to another file is not allowed with --safe: it writes 'copy.ctsdb'"
            ),
            (
                .openSession(path: "other.ctsdb", range: Self.at),
                "open is not allowed with --safe: it reads 'other.ctsdb'"
            ),
            (
                .record(.start(path: "r.cts", queries: true, range: Self.at)),
                "record is not allowed with --safe: it writes 'r.cts'"
            ),
        ]
        for (effect, text) in refused { #expect(message(effect) == text, "\(effect)") }
    }

    @Test func everythingElseIsLetThrough() {
        let allowed: [Effect] = [
            .confirmation("added unit js"), .text("hello"),
            .table(ResultTable(columns: ["id"]), spec: OutputSpec(.table), redirect: nil),
            .pause(nil), .newSession, .history(limit: 5), .quit, .record(.stop(range: Self.at)),
            .dump(path: nil, range: Self.at), .saveSession(path: nil, range: Self.at),
            .saveSession(path: "work.ctsdb", range: Self.at), .openSession(path: "work.ctsdb", range: Self.at),
        ]
        for effect in allowed { #expect(message(effect) == nil, "\(effect)") }
    }
}
