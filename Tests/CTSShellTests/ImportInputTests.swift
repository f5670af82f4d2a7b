import Foundation
import Testing

/// `import ... from "-"` (standard input) and the new import options, through the built cts.
@Suite struct ImportInputTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("cts-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write("setup.cts", "unit add js \"Jiangsu\" kind=locality level=province\n")
        try write("cadres.csv", "id;name;unit;rank;category;salary\nc1;李伟;js;county;leading;100\n;;;;;\n")
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func url(_ name: String) -> URL { dir.appendingPathComponent(name) }

    @Test func aScriptFileImportsFromStandardInput() throws {
        try write("s.cts", "import cadres from \"-\" delimiter=\";\" extra=ignore\nlist cadres columns id, name\n")
        let (status, stdout, stderr) = try runCTS(["setup.cts", "s.cts"], in: dir, stdin: url("cadres.csv"))
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("c1 | 李伟"))
        // Its errors are on <stdin>, at the row and column.
        let (bad, _, err) = try runCTS(
            ["setup.cts", "-c", "import cadres from \"-\""], in: dir, stdin: url("cadres.csv"))
        #expect(bad == 1)
        #expect(
            err.hasPrefix(
                "<stdin>:1:1: error: the header is one column; its fields seem to be separated by \";\", "
                    + "not commas: import with delimiter=\";\""))
    }

    @Test func commandsFromStandardInputCannotImportFromIt() throws {
        try write("piped.cts", "import cadres from \"-\"\n")
        // Piped in, or named `-` (`cts -`).
        for arguments in [[], ["-"]] {
            let (status, _, stderr) = try runCTS(arguments, in: dir, stdin: url("piped.cts"))
            #expect(status == 1)
            #expect(
                stderr.hasPrefix(
                    "<stdin>:1:20: error: cannot import from '-' (standard input): the commands are read from it"),
                "\(arguments)")
        }
    }

    @Test func safeModeRefusesStandardInputToo() throws {
        try write("s.cts", "import cadres from \"-\" delimiter=\";\" extra=ignore\n")
        let (status, _, stderr) = try runCTS(["--safe", "setup.cts", "s.cts"], in: dir, stdin: url("cadres.csv"))
        #expect(status == 1)
        #expect(stderr.hasPrefix("s.cts:1:20: error: import is not allowed with --safe: it reads '-'"))
    }

    @Test func aBadByteIsAnErrorNamingTheFileRowAndEncoding() throws {
        var bytes = Array("id,name,unit,rank,category\nc1,Li,js,county,leading\nc2,".utf8)
        bytes += [0xFF, 0xFF] + Array(",js,staff,leading\n".utf8)
        try Data(bytes).write(to: url("gb.csv"))
        let (status, stdout, stderr) = try runCTS(
            ["setup.cts", "-c", "import cadres from \"gb.csv\" encoding=gb18030", "-c", "count cadres"], in: dir)
        #expect(status == 1)
        #expect(stderr.hasPrefix("gb.csv:3:4: error: the bytes 0xFF 0xFF 0x2C 0x6A here are not GB18030 text"))
        #expect(stdout.isEmpty)
    }
}
