import Foundation
import Testing

// Where a batch run's output goes (issue 7): the timer, writes to a full or closed standard
// output, what --dry-run leaves on disk, what >> appends, and save FILE under --read-only.
// The golden cases show the messages; these check what a golden case cannot: durations,
// /dev/full, pipes and the bytes of the files written.

/// Runs `command` with bash in `directory`, `$CTS` naming the cts binary; returns
/// (status, stdout, stderr) of bash.
func runBash(_ command: String, in directory: URL) throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["CTS"] = ctsBinary().path
    env["NO_COLOR"] = "1"
    env["LC_ALL"] = "C.UTF-8"
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    return try runToEnd(process, out: out, err: err)
}

@Suite struct BatchOutputTests {
    static let units = """
        unit add js "Jiangsu" kind=locality level=province
        unit add nj "Nanjing" kind=locality level=city parent=js
        unit add js.ps "Party School" kind=institution level=province parent=js

        """

    // MARK: - set timer on (item 13)

    @Test func theTimerPrintsEachCommandsTimeOnStandardError() throws {
        let dir = try SessionScratch()
        try dir.write("t.cts", "set timer on\n" + Self.units + "count units\nset timer off\ncount units\n")
        let r = try dir.cts("t.cts")
        #expect(r.status == 0, "\(r)")
        // One line for each of the three adds and the first count; none for `set timer on`
        // and `set timer off` themselves, nor for what follows them.
        let lines = r.err.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 4, "\(r)")
        for line in lines {
            #expect(line.wholeMatch(of: /time: \d+\.\d{3} s/) != nil, "\(line)")
        }
        #expect(r.out.components(separatedBy: " count\n").count == 3, "\(r)")
    }

    // MARK: - A full or closed standard output (item 17)

    @Test func aFullStandardOutputIsAnError() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        let (status, _, err) = try runBash(#""$CTS" setup.cts -c dump > /dev/full"#, in: dir.url)
        #expect(status == 1, "\(err)")
        #expect(
            err == """
                <command-line>:1:1: error: cannot write the output: No space left on device
                    dump
                    ^~~~

                """, "\(err)")
    }

    @Test func aFullStandardOutputLeavesTheSessionFileAsItWas() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        let (status, _, err) = try runBash(
            #""$CTS" -s F.ctsdb -c 'unit add x "X" kind=locality level=city' -c 'list units' > /dev/full"#, in: dir.url)
        #expect(status == 1, "\(err)")
        #expect(
            err.hasPrefix("<command-line 2>:1:1: error: cannot write the output: No space left on device\n"), "\(err)")
        #expect(try dir.bytes("F.ctsdb") == before)
    }

    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let dir = try SessionScratch()
        // Far more than a pipe holds, so cts is still writing when head has gone.
        let many = (0..<4000).map { "unit add u\($0) \"Unit \($0)\" kind=locality level=city" }.joined(separator: "\n")
        try dir.write("many.cts", many + "\nlist units\nlist units\n")
        let (status, out, err) = try runBash(#""$CTS" many.cts | head -1; echo "status ${PIPESTATUS[0]}""#, in: dir.url)
        #expect(out == " id    | name      | kind     | level | parent\nstatus 1\n", "\(out)")
        #expect(err == "", "\(err)")
        #expect(status == 0)
    }

    // MARK: - --dry-run writes no file (item 9)

    @Test func aDryRunWritesNoFile() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        try dir.write("old.csv", "id,name,kind,level,parent\n")
        let before = try dir.bytes("F.ctsdb")
        try dir.write(
            "run.cts",
            """
            unit add x "X" kind=locality level=city
            list units as csv > "units.csv"
            list units as csv >> "old.csv"
            count units >> "log.txt"
            dump "session.cts"
            export units to "units.json" as json
            save "copy.ctsdb"
            save

            """)
        let r = try dir.cts("--dry-run", "-s", "F.ctsdb", "run.cts")
        #expect(r.status == 0, "\(r)")
        for name in ["units.csv", "log.txt", "session.cts", "units.json", "copy.ctsdb"] {
            #expect(!dir.exists(name), "\(name) was written")
        }
        #expect(try dir.text("old.csv") == "id,name,kind,level,parent\n")
        #expect(try dir.bytes("F.ctsdb") == before)
        #expect(
            r.out.hasSuffix(
                """
                  written units.csv
                  appended to old.csv
                  appended to log.txt
                  written session.cts
                  written units.json
                  saved the session to copy.ctsdb

                """), "\(r)")
    }

    // MARK: - >> and ndjson (item 15)

    @Test func appendingAddsRowsUnderOneHeader() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.write("crlf.csv", "id,name\r\nzz,Old\r\n")
        try dir.write("open.csv", "id,name\nzz,Old")
        let r = try dir.cts(
            "setup.cts",
            "-c", "list units where kind = locality columns id, name as csv > \"a.csv\"",
            "-c", "list units where kind = institution columns id, name as csv >> \"a.csv\"",
            "-c", "list units where id = js columns id, name as tsv >> \"a.tsv\"",
            "-c", "list units where id = nj columns id, name as tsv >> \"a.tsv\"",
            "-c", "list units where id = js columns id, name as csv >> \"crlf.csv\"",
            "-c", "list units where id = js columns id, name as csv >> \"open.csv\"",
            "-c", "list units where id = js columns id, name as ndjson >> \"a.ndjson\"",
            "-c", "list units where id = nj columns id, name as ndjson >> \"a.ndjson\"")
        #expect(r.status == 0, "\(r)")
        #expect(try dir.text("a.csv") == "id,name\njs,Jiangsu\nnj,Nanjing\njs.ps,Party School\n")
        #expect(try dir.text("a.tsv") == "id\tname\njs\tJiangsu\nnj\tNanjing\n")
        #expect(try dir.text("crlf.csv") == "id,name\r\nzz,Old\r\njs,Jiangsu\n")
        #expect(try dir.text("open.csv") == "id,name\nzz,Old\njs,Jiangsu\n")
        #expect(
            try dir.text("a.ndjson") == "{\"id\":\"js\",\"name\":\"Jiangsu\"}\n{\"id\":\"nj\",\"name\":\"Nanjing\"}\n")
    }

    @Test func aRefusedAppendLeavesTheFileAsItWas() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.write("a.csv", "id,title\nk1,Outlook\n")
        try dir.write("a.json", "[]\n")
        let r = try dir.cts(
            "--keep-going", "setup.cts", "-c", "list units columns id, name as csv >> \"a.csv\"",
            "-c", "list units as json >> \"a.json\"")
        #expect(r.status == 1, "\(r)")
        #expect(try dir.text("a.csv") == "id,title\nk1,Outlook\n")
        #expect(try dir.text("a.json") == "[]\n")
    }

    // MARK: - --read-only (item 10)

    @Test func saveFileUnderReadOnlyWritesACopyAndKeepsReading() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        let r = try dir.cts(
            "--read-only", "-s", "F.ctsdb", "-c", "set verbose on", "-c", "save \"copy.ctsdb\"",
            "-c", "unit add x \"X\" kind=locality level=city")
        #expect(r.status == 1, "\(r)")
        #expect(r.out == "verbose is on\nsaved a copy to copy.ctsdb; F.ctsdb stays open read-only\n", "\(r)")
        #expect(
            r.err.hasPrefix(
                "<command-line 3>:1:1: error: 'unit add' would change the session, which is "
                    + "read-only (--read-only)\n"), "\(r)")
        #expect(try dir.bytes("F.ctsdb") == before)
        #expect(try dir.count("units", in: "copy.ctsdb") == "count\n3\n")
    }
}
