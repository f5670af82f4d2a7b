import Foundation
import Testing

// End-to-end tests of session files (issue 4, spec §4 and §6) through the real `cts` binary.
// Every test works in its own temporary directory. The interactive ones (autosave, the lock
// held by a shell at the prompt) are in SessionFileTests+More.swift.

/// What one run of cts did.
struct CTSResult: CustomStringConvertible {
    let status: Int32
    let out: String
    let err: String

    var description: String { "exit \(status)\n--- stdout\n\(out)--- stderr\n\(err)" }
}

/// A temporary directory for one test, removed when the test is done, with the files and
/// commands the tests need: run cts in it, read bytes and modes, run Python's sqlite3.
final class SessionScratch: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cts-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func write(_ name: String, data: Data) throws {
        try data.write(to: url.appendingPathComponent(name))
    }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }

    func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// The permission bits, from FileManager's attributes.
    func mode(_ name: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path(name))[.posixPermissions] as? Int ?? -1
    }

    func copy(_ source: String, to name: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: path(name))
    }

    /// Runs cts here.
    @discardableResult
    func cts(_ arguments: String...) throws -> CTSResult { try cts(arguments) }

    @discardableResult
    func cts(_ arguments: [String]) throws -> CTSResult {
        let (status, out, err) = try runCTS(arguments, in: url)
        return CTSResult(status: status, out: out, err: err)
    }

    /// `count COLLECTION` of a session file, read without taking its lock.
    func count(_ collection: String, in file: String) throws -> String {
        let r = try cts("--read-only", "-s", file, "-c", "count \(collection) as csv")
        #expect(r.status == 0, "\(r)")
        return r.out
    }

    /// The canonical dump of a session file, read without taking its lock.
    func dump(_ file: String) throws -> String {
        let r = try cts("--read-only", "-s", file, "-c", "dump")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        return r.out
    }

    /// Runs a Python program here (`python3 -c CODE ARGS...`) and returns its standard output.
    @discardableResult
    func python(_ code: String, _ arguments: String...) throws -> String {
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", code] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", code] + arguments
        }
        process.currentDirectoryURL = url
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 failed: \(code)")
        return String(decoding: data, as: UTF8.self)
    }

    /// One SQLite pragma or query of a file, through Python's sqlite3 module: the first column
    /// of the first row as text.
    func sqliteValue(_ file: String, _ sql: String) throws -> String {
        try python(
            """
            import sqlite3, sys
            con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
            print(con.execute(sys.argv[2]).fetchone()[0])
            con.close()
            """, file, sql
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Quotes text as a cts string: `"` and `\` escaped, line breaks and tabs written `\n`, `\t`.
func ctsQuoted(_ text: String) -> String {
    var s = "\""
    for c in text.unicodeScalars {
        switch c {
        case "\"": s += "\\\""
        case "\\": s += "\\\\"
        case "\n": s += "\\n"
        case "\t": s += "\\t"
        default: s.unicodeScalars.append(c)
        }
    }
    return s + "\""
}

/// A session made for these tests: every kind of record, names in Chinese, Spanish, emoji,
/// with quotes, backslashes, tabs and line breaks, and generated cadres `g0`... enrolled in k1.
enum GeneratedSession {
    static let core = #"""
        unit add js "Jiangsu 江苏省" kind=locality level=province
        unit add js.ps "Escuela \"Ñandú\" – party school" kind=institution level=province parent=js
        unit add nj "Nanjing \\ 南京 😀" kind=locality level=city parent=js
        cadre add c1 "Li Wei 李伟" unit=nj rank=county category=leading born=1966
        cadre add c2 "José Núñez 🙂" unit=nj rank=staff category=civil-servant
        cadre add c3 "Say \"hi\"\tand\\back\nnext" unit=js rank=bureau category=leading
        course add k1 "科学发展观 Outlook" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
        course add k2 "Finanzas públicas" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12 capacity=30 organizer=js
        enroll c1,c2,c3 in k1
        complete c1 in k1
        absent c2 in k1
        withdraw c3 in k1
        enroll c1 in k2
        rule add r1 "Regla \"ñ\"" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation
        exempt c3 from r1 reason="借调 abroad"
        budget set nj 2009 funds=1200000 revenue=3.2e10 spent=0.25
        plan set nj 2010 participants=40 hours=3600
        inspection add i1 by=js unit=nj date=2010-05-12 scope="Files, \"all\""
        finding add f1 inspection=i1 "Incompleto ñ" severity=medium due=2010-08-31
        finding add f2 inspection=i1 "Open one 🙂" severity=high due=2010-09-30
        finding resolve f1 date=2010-08-15
        practice add p1 unit=nj year=2010 "Evening classes 夜校" promoted=yes
        cadre set c2 status=left

        """#

    static let names = [
        "李伟", "José Núñez", "Peña 🙂", "Say \"hi\"", "back\\slash", "王芳 – Ñandú", "🎓🇨🇳",
        "tab\there", "two\nlines", "O'Brien",
    ]

    /// The core records and `cadres` generated ones, every fourth born in a known year, the
    /// first half enrolled in k1 and every other of them completed.
    static func script(cadres: Int = 40) -> String {
        let units = ["js", "js.ps", "nj"]
        let ranks = ["staff", "township", "county", "bureau", "province", "national"]
        let categories = ["leading", "civil-servant", "enterprise", "technical", "grassroots", "trainer"]
        var lines: [String] = []
        for i in 0..<cadres {
            let born = i % 4 == 0 ? " born=\(1950 + i)" : ""
            lines.append(
                "cadre add g\(i) \(ctsQuoted("\(names[i % names.count]) \(i)")) unit=\(units[i % 3]) "
                    + "rank=\(ranks[i % 6]) category=\(categories[i % 6])\(born)")
        }
        let enrolled = (0..<cadres / 2).map { "g\($0)" }
        lines.append("enroll \(enrolled.joined(separator: ",")) in k1")
        lines.append(
            "complete \(enrolled.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: ",")) in k1"
        )
        return core + lines.joined(separator: "\n") + "\n"
    }
}

@Suite struct SessionFileTests {
    static let units = """
        unit add js "Jiangsu" kind=locality level=province
        unit add nj "Nanjing 南京" kind=locality level=city parent=js
        unit add nj.fin "Finanzas – Ñ" kind=department level=city parent=nj

        """

    // MARK: - Creating and reading a file

    @Test func scriptCreatesAPrivateFileThatASecondRunReads() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        let first = try dir.cts("-s", "F.ctsdb", "setup.cts")
        #expect(first.status == 0 && first.out.isEmpty && first.err.isEmpty, "\(first)")
        #expect(dir.exists("F.ctsdb"))
        #expect(try dir.mode("F.ctsdb") == 0o600)
        #expect(!dir.exists("F.ctsdb.lock"), "the lock file is deleted when cts closes the file")

        let second = try dir.cts("-s", "F.ctsdb", "-c", "list units as csv")
        #expect(second.status == 0 && second.err.isEmpty, "\(second)")
        #expect(
            second.out == """
                id,name,kind,level,parent
                js,Jiangsu,locality,province,
                nj,Nanjing 南京,locality,city,js
                nj.fin,Finanzas – Ñ,department,city,nj

                """)

        // A record added later, and one removed: list keeps the order records were added in.
        let third = try dir.cts(
            "-s", "F.ctsdb", "-c", "unit add sz \"Suzhou\" kind=locality level=city parent=js",
            "-c", "unit remove nj.fin", "-c", "unit add nj.fin \"Again\" kind=department level=city")
        #expect(third.status == 0, "\(third)")
        let list = try dir.cts("-s", "F.ctsdb", "-c", "list units columns id as csv")
        #expect(list.out == "id\njs\nnj\nsz\nnj.fin\n")
        #expect(try dir.mode("F.ctsdb") == 0o600)
    }

    @Test func readingAFileDoesNotChangeIt() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        let r = try dir.cts(
            "-s", "F.ctsdb", "-c", "count units as csv", "-c", "list units where level = city columns id as csv")
        #expect(r.status == 0 && r.out == "count\n3\nid\nnj\nnj.fin\n", "\(r)")
        #expect(try dir.bytes("F.ctsdb") == before)
    }

    // MARK: - All or nothing

    @Test func aScriptEndingInAnUnknownCommandWritesNothing() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        try dir.write(
            "bad.cts",
            """
            unit add b1 "B1" kind=locality level=city
            cadre add c1 "Ana Ñ" unit=b1 rank=staff category=technical
            unit add b2 "B2" kind=locality level=city
            frobnicate b1

            """)
        let r = try dir.cts("-s", "F.ctsdb", "bad.cts")
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(
            r.err == """
                bad.cts:4:1: error: unknown command 'frobnicate'
                    frobnicate b1
                    ^~~~~~~~~~

                """)
        #expect(try dir.bytes("F.ctsdb") == before, "the file is exactly as before")
        #expect(try dir.count("units", in: "F.ctsdb") == "count\n3\n")
        #expect(try dir.count("cadres", in: "F.ctsdb") == "count\n0\n")
        #expect(!dir.exists("F.ctsdb.lock"))
    }

    @Test func aRuntimeErrorInTheMiddleWritesNothing() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        try dir.write(
            "bad.cts",
            """
            unit add b1 "B1" kind=locality level=city
            unit set nj name="Changed"
            cadre add c1 "X" unit=nosuch rank=staff category=leading
            unit add b2 "B2" kind=locality level=city

            """)
        let r = try dir.cts("-s", "F.ctsdb", "bad.cts")
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(
            r.err == """
                bad.cts:3:23: error: unknown unit 'nosuch'
                    cadre add c1 "X" unit=nosuch rank=staff category=leading
                                          ^~~~~~

                """)
        #expect(try dir.bytes("F.ctsdb") == before)
        #expect(try dir.count("units", in: "F.ctsdb") == "count\n3\n")
        let names = try dir.cts("--read-only", "-s", "F.ctsdb", "-c", "list units where id = nj columns name as csv")
        #expect(names.out == "name\nNanjing 南京\n")
    }

    @Test func commandLineCommandsAreAllOrNothingToo() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        let r = try dir.cts(
            "-s", "F.ctsdb", "-c", "unit add b1 \"B1\" kind=locality level=city",
            "-c", "assert count(units) = 99 \"not so many\"")
        #expect(r.status == 1, "\(r)")
        #expect(r.err.hasPrefix("<command-line 2>:1:8: error: assertion failed: not so many\n"), "\(r)")
        #expect(try dir.bytes("F.ctsdb") == before)
    }

    @Test func keepGoingWritesWhatSucceededAndSaysSo() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        try dir.copy(dir.path("F.ctsdb"), to: "G.ctsdb")
        try dir.write(
            "middle.cts",
            """
            unit add b1 "B1" kind=locality level=city
            cadre add c1 "X" unit=nosuch rank=staff category=leading
            unit add b2 "B2" kind=locality level=city

            """)
        let r = try dir.cts("--keep-going", "-s", "F.ctsdb", "middle.cts")
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(
            r.err == """
                middle.cts:2:23: error: unknown unit 'nosuch'
                    cadre add c1 "X" unit=nosuch rank=staff category=leading
                                          ^~~~~~
                cts: wrote the 2 changing commands that succeeded to F.ctsdb; the ones that failed changed nothing

                """)
        #expect(try dir.count("units", in: "F.ctsdb") == "count\n5\n")
        #expect(try dir.count("cadres", in: "F.ctsdb") == "count\n0\n")

        try dir.write(
            "last.cts",
            """
            unit add b1 "B1" kind=locality level=city
            frobnicate b1

            """)
        let last = try dir.cts("--keep-going", "-s", "G.ctsdb", "last.cts")
        #expect(last.status == 1)
        #expect(
            last.err.hasSuffix(
                "cts: wrote the 1 changing command that succeeded to G.ctsdb; "
                    + "the ones that failed changed nothing\n"), "\(last)")
        #expect(try dir.count("units", in: "G.ctsdb") == "count\n4\n")
    }

    // MARK: - Files cts refuses

    /// Runs `cts -s NAME -c "count units"` on a file that must be refused; checks exit 3, the
    /// message, and that the file is byte for byte as it was.
    func expectRefused(
        _ dir: SessionScratch, _ name: String, _ message: String, readOnly: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var isDirectory: ObjCBool = false
        let isFile =
            FileManager.default.fileExists(atPath: dir.path(name), isDirectory: &isDirectory) && !isDirectory.boolValue
        let before = isFile ? try dir.bytes(name) : nil
        for (arguments, message) in [(["-s", name], message), (["--read-only", "-s", name], readOnly ?? message)] {
            let r = try dir.cts(arguments + ["-c", "count units"])
            #expect(r.status == 3, "\(arguments): \(r)", sourceLocation: sourceLocation)
            #expect(r.out.isEmpty, "\(r)", sourceLocation: sourceLocation)
            #expect(r.err == "cts: error: \(message)\n", "\(arguments)", sourceLocation: sourceLocation)
            if let before {
                #expect(try dir.bytes(name) == before, "\(name) was modified", sourceLocation: sourceLocation)
            }
            #expect(!dir.exists(name + ".lock"), "no lock file left", sourceLocation: sourceLocation)
        }
        // A script with changes is refused just the same and writes nothing.
        try dir.write("change.cts", "unit add x \"X\" kind=locality level=city\n")
        let r = try dir.cts("-s", name, "change.cts")
        #expect(r.status == 3, "\(r)", sourceLocation: sourceLocation)
        if let before {
            #expect(try dir.bytes(name) == before, sourceLocation: sourceLocation)
        }
    }

    @Test func aMissingDirectory() throws {
        let dir = try SessionScratch()
        try expectRefused(
            dir, "nodir/F.ctsdb", "cannot create nodir/F.ctsdb: the directory nodir does not exist",
            readOnly: "cannot open nodir/F.ctsdb: the directory nodir does not exist")
        #expect(!dir.exists("nodir"))
    }

    @Test func aTextFile() throws {
        let dir = try SessionScratch()
        try dir.write("notes.ctsdb", "unit add js \"Jiangsu\" kind=locality level=province\nhello, world\n")
        try expectRefused(dir, "notes.ctsdb", "notes.ctsdb is not a cts session file (not an SQLite database)")
    }

    @Test func randomBytes() throws {
        let dir = try SessionScratch()
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try dir.write("random.ctsdb", data: Data(bytes))
        try expectRefused(dir, "random.ctsdb", "random.ctsdb is not a cts session file (not an SQLite database)")
    }

    @Test func aTruncatedSession() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", GeneratedSession.script())
        let made = try dir.cts("-s", "whole.ctsdb", "setup.cts")
        #expect(made.status == 0, "\(made)")
        let whole = try dir.bytes("whole.ctsdb")
        try dir.write("cut.ctsdb", data: whole.prefix(1000))
        try expectRefused(
            dir, "cut.ctsdb", "cut.ctsdb is damaged: it is truncated (1000 bytes, expected \(whole.count))")
    }

    @Test func anSQLiteFileOfAnotherProgram() throws {
        let dir = try SessionScratch()
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [dir.path("other.db"), "CREATE TABLE unit (id TEXT); INSERT INTO unit VALUES ('js');"]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        } else {
            try dir.python(
                """
                import sqlite3
                con = sqlite3.connect("other.db")
                con.execute("CREATE TABLE unit (id TEXT)"); con.execute("INSERT INTO unit VALUES ('js')")
                con.commit(); con.close()
                """)
        }
        try expectRefused(dir, "other.db", "other.db is an SQLite database but not a cts session file")
    }

    @Test func aNewerFormat() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "new.ctsdb", "setup.cts")
        let applicationID = try dir.sqliteValue("new.ctsdb", "PRAGMA application_id")
        try dir.python(
            """
            import sqlite3
            con = sqlite3.connect("new.ctsdb")
            con.execute("PRAGMA user_version = 99")
            con.commit(); con.close()
            """)
        #expect(try dir.sqliteValue("new.ctsdb", "PRAGMA user_version") == "99")
        #expect(try dir.sqliteValue("new.ctsdb", "PRAGMA application_id") == applicationID)
        #expect(applicationID == "1129599812")
        try expectRefused(
            dir, "new.ctsdb",
            "new.ctsdb has session format 99, but this cts reads formats up to 5; open it with a newer cts")
        // `open` of it from a running session is refused the same way, and the session goes on.
        let r = try dir.cts("-c", "open \"new.ctsdb\"")
        #expect(r.status == 3, "\(r)")
        #expect(r.err.contains("new.ctsdb has session format 99, but this cts reads formats up to 5"), "\(r)")
    }

    @Test func aDirectory() throws {
        let dir = try SessionScratch()
        try FileManager.default.createDirectory(atPath: dir.path("D.ctsdb"), withIntermediateDirectories: false)
        try expectRefused(dir, "D.ctsdb", "D.ctsdb is a directory, not a session file")
    }

    @Test func saveDoesNotOverwriteAFileItCannotRead() throws {
        let dir = try SessionScratch()
        try dir.write("notes.txt", "hello, world\n")
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "new.ctsdb", "setup.cts")
        try dir.python(
            """
            import sqlite3
            con = sqlite3.connect("new.ctsdb"); con.execute("PRAGMA user_version = 6"); con.commit(); con.close()
            """)
        let notes = try dir.bytes("notes.txt"), newer = try dir.bytes("new.ctsdb")
        let r = try dir.cts("-c", "unit add a \"A\" kind=locality level=city", "-c", "save \"notes.txt\"")
        #expect(r.status == 3)
        #expect(
            r.err.hasPrefix(
                "<command-line 2>:1:6: error: notes.txt is not a cts session file (not an SQLite database); "
                    + "it was not overwritten\n"), "\(r)")
        let s = try dir.cts("-c", "unit add a \"A\" kind=locality level=city", "-c", "save \"new.ctsdb\"")
        #expect(s.status == 3)
        #expect(
            s.err.hasPrefix(
                "<command-line 2>:1:6: error: new.ctsdb has session format 6, but this cts reads formats "
                    + "up to 5; open it with a newer cts; it was not overwritten\n"), "\(s)")
        #expect(try dir.bytes("notes.txt") == notes)
        #expect(try dir.bytes("new.ctsdb") == newer)
    }

    @Test func aSymbolicLinkReachesTheRealFile() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "real.ctsdb", "setup.cts")
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.ctsdb"), withDestinationPath: "real.ctsdb")
        let r = try dir.cts("-s", "link.ctsdb", "-c", "unit add a \"A\" kind=locality level=city")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(try dir.count("units", in: "real.ctsdb") == "count\n4\n")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("link.ctsdb"))
        #expect(link == "real.ctsdb", "the link is still a link")
        #expect(try dir.mode("real.ctsdb") == 0o600)
    }

    @Test func batchWithAutosaveOffSaysWhatWasNotSaved() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        let r = try dir.cts(
            "-s", "F.ctsdb", "-c", "set autosave off", "-c", "unit add a \"A\" kind=locality level=city",
            "-c", "unit add b \"B\" kind=locality level=city")
        #expect(r.status == 0 && r.out.isEmpty, "\(r)")
        #expect(r.err == "cts: 2 changes were not saved to F.ctsdb (autosave is off); use 'save' to keep them\n")
        #expect(try dir.bytes("F.ctsdb") == before)
        // With an explicit save they are kept.
        let saved = try dir.cts(
            "-s", "F.ctsdb", "-c", "set autosave off", "-c", "unit add a \"A\" kind=locality level=city",
            "-c", "save")
        #expect(saved.status == 0 && saved.err.isEmpty, "\(saved)")
        #expect(try dir.count("units", in: "F.ctsdb") == "count\n4\n")
    }

    /// Reopening the file mid-run first writes what the run changed so far: nothing is dropped.
    @Test func reopeningTheFileInABatchRunKeepsItsChanges() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let r = try dir.cts(
            "-s", "F.ctsdb", "-c", "unit add a \"A\" kind=locality level=city", "-c", "open \"F.ctsdb\"",
            "-c", "count units as csv")
        #expect(r.status == 0, "\(r)")
        #expect(r.out == "count\n4\n")
        #expect(r.err.isEmpty, "\(r)")
    }

    // MARK: - Format 1

    @Test func aFormat1FileIsUpgradedThroughTheCommandLine() throws {
        let dir = try SessionScratch()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CTSStoreTests/Fixtures/format1.ctsdb")
        try dir.copy(fixture.path, to: "old.ctsdb")
        #expect(try dir.sqliteValue("old.ctsdb", "PRAGMA user_version") == "1")

        // --read-only reads it as it is, without upgrading it.
        let before = try dir.bytes("old.ctsdb")
        let read = try dir.cts("--read-only", "-s", "old.ctsdb", "-c", "count cadres as csv")
        #expect(read.status == 0 && read.out == "count\n3\n", "\(read)")
        #expect(try dir.bytes("old.ctsdb") == before)

        let r = try dir.cts("-s", "old.ctsdb", "-c", "count cadres as csv")
        #expect(r.status == 0, "\(r)")
        #expect(r.out == "count\n3\n")
        #expect(r.err.isEmpty)
        #expect(try dir.sqliteValue("old.ctsdb", "PRAGMA user_version") == "5")
        #expect(try dir.sqliteValue("old.ctsdb", "SELECT value FROM meta WHERE key = 'format_version'") == "5")
        #expect(
            try dir.sqliteValue(
                "old.ctsdb", "SELECT group_concat(name, ',') FROM (SELECT name FROM schema_migrations ORDER BY version)"
            )
                == "v1-initial,v2-exemptions-last-saved,v3-course-day-hours,v4-strict-tables,v5-reader-views")
        // The upgraded file takes the records of format 2 (exemptions).
        let exempt = try dir.cts("-s", "old.ctsdb", "-c", "exempt c1 from lead5y reason=\"upgraded ñ\"")
        #expect(exempt.status == 0, "\(exempt)")
        #expect(try dir.cts("-s", "old.ctsdb", "-c", "count cadres where applies(lead5y) as csv").out == "count\n1\n")
    }
}
