import Foundation
import Testing

/// One mutating command, what it prints, and how `undo` names it.
struct UndoCase: CustomTestStringConvertible, Sendable {
    let command: String
    /// The line the command prints with `set verbose on` (a cascade prints it always).
    let confirmation: String
    /// Whether the command prints its line even without verbose (remove ... cascade).
    var alwaysPrinted = false
    /// Files the command reads, written into the directory first.
    var files: [String: String] = [:]

    var testDescription: String { command }

    static let all: [UndoCase] = [
        UndoCase(
            command: "unit add zz \"Zeta ñ 😀\" kind=workplace level=township parent=nj", confirmation: "added unit zz"),
        UndoCase(
            command: "cadre add c9 \"新 Ñ\" unit=js rank=staff category=trainer born=1990",
            confirmation: "added cadre c9"),
        UndoCase(
            command: "course add k9 \"Online\" kind=online provider=js.ps start=2010-01-04 end=2010-01-08 days=2",
            confirmation: "added course k9"),
        UndoCase(
            command: "rule add r9 \"Yearly\" for=(status = active) period=2009..2009 days=12",
            confirmation: "added rule r9"),
        UndoCase(command: "inspection add i9 by=js unit=js.ps date=2011-01-05", confirmation: "added inspection i9"),
        UndoCase(command: "cadre set c1 rank=bureau name=\"N 新\"", confirmation: "changed cadre c1: rank, name"),
        UndoCase(command: "finding remove f2", confirmation: "removed finding f2"),
        UndoCase(
            command: "cadre remove c1 cascade", confirmation: "removed cadre c1 and 2 enrollments", alwaysPrinted: true),
        UndoCase(
            command: "unit remove nj cascade",
            confirmation: "removed unit nj and 15 cadres, 9 enrollments, 1 budget, 1 plan, 1 inspection, "
                + "2 findings, 1 practice",
            alwaysPrinted: true),
        UndoCase(command: "exempt c1 from r1 reason=\"abroad 借调\"", confirmation: "exempted c1 from r1"),
        UndoCase(command: "enroll g1,g3 in k2", confirmation: "enrolled g1, g3 in k2"),
        UndoCase(
            command: "enroll (cadres where name contains \"李伟\") in k2",
            confirmation: "enrolled 4 cadres in k2 (1 already enrolled)"),
        UndoCase(command: "complete c1 in k2", confirmation: "completed c1 in k2"),
        UndoCase(command: "absent c1 in k2", confirmation: "marked absent c1 in k2"),
        UndoCase(command: "withdraw c1 in k2", confirmation: "withdrew c1 in k2"),
        UndoCase(command: "budget set nj 2009 funds=1 revenue=2", confirmation: "set budget nj 2009"),
        UndoCase(command: "budget set js 2012 funds=1 revenue=2 spent=0.5", confirmation: "set budget js 2012"),
        UndoCase(command: "plan set nj 2011 participants=1 hours=2", confirmation: "set plan nj 2011"),
        UndoCase(
            command: "finding add f9 inspection=i1 \"Nuevo – 新\" severity=low due=2011-01-01",
            confirmation: "added finding f9"),
        UndoCase(command: "finding resolve f2 date=2010-10-01", confirmation: "resolved finding f2 on 2010-10-01"),
        UndoCase(command: "practice add p9 unit=js year=2011 \"Reading 读书\"", confirmation: "added practice p9"),
    ]

    static let importCadres = UndoCase(
        command: "import cadres from \"imp.csv\"", confirmation: "imported 2 cadres from imp.csv",
        files: [
            "imp.csv": "id,name,unit,rank,category,born,status\nc7,Nuevo Ñ,nj,staff,technical,1980,active\n"
                + "c8,\"新人, \"\"quoted\"\"\",js,county,leading,,active\n"
        ])
}

/// Round trips and dry runs.
extension SessionFileTests {
    // MARK: - Round trips

    @Test func dumpRunDumpIsByteIdentical() throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.script())
        let made = try dir.cts("-s", "A.ctsdb", "gen.cts")
        #expect(made.status == 0 && made.err.isEmpty, "\(made)")
        let d1 = try dir.dump("A.ctsdb")
        try dir.write("d1.cts", d1)
        for text in [
            "李伟", "José Núñez 🙂", "Escuela \\\"Ñandú\\\"", "\"Nanjing \\\\ 南京 😀\"",
            "\"Say \\\"hi\\\"\\tand\\\\back\\nnext\"", "🎓🇨🇳 6", "cadre add g39 ",
        ] {
            #expect(d1.contains(text), "the dump holds \(text)")
        }
        let rebuilt = try dir.cts("-s", "B.ctsdb", "d1.cts")
        #expect(rebuilt.status == 0 && rebuilt.err.isEmpty, "\(rebuilt)")
        #expect(try dir.dump("B.ctsdb") == d1)
        // And the data itself agrees, not only the dump.
        for query in ["list cadres as csv", "list enrollments as csv", "list findings as json"] {
            let a = try dir.cts("--read-only", "-s", "A.ctsdb", "-c", query)
            let b = try dir.cts("--read-only", "-s", "B.ctsdb", "-c", query)
            #expect(a.out == b.out && !a.out.isEmpty, "\(query)")
        }
    }

    @Test func saveOpenDumpEqualsTheDumpBeforeSave() throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.script())
        try dir.cts("-s", "A.ctsdb", "gen.cts")
        let before = try dir.dump("A.ctsdb")

        let saved = try dir.cts("-s", "A.ctsdb", "-c", "save \"C.ctsdb\"")
        #expect(saved.status == 0 && saved.out.isEmpty && saved.err.isEmpty, "\(saved)")
        #expect(try dir.mode("C.ctsdb") == 0o600)
        #expect(!dir.exists("C.ctsdb.lock") && !dir.exists("A.ctsdb.lock"))

        let opened = try dir.cts("-c", "open \"C.ctsdb\"", "-c", "dump")
        #expect(opened.status == 0 && opened.err.isEmpty, "\(opened)")
        #expect(opened.out == before)
        #expect(try dir.dump("C.ctsdb") == before)
        let direct = try dir.cts("-s", "C.ctsdb", "-c", "dump")
        #expect(direct.out == before)
    }

    @Test func dumpAndExportFilesArePrivate() throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.script())
        try dir.cts("-s", "A.ctsdb", "gen.cts")
        let before = try dir.dump("A.ctsdb")
        let r = try dir.cts(
            "--read-only", "-s", "A.ctsdb", "-c", "dump \"x.cts\"", "-c", "export cadres to \"x.csv\"",
            "-c", "export findings to \"f.json\" as json")
        #expect(r.status == 0 && r.out.isEmpty && r.err.isEmpty, "\(r)")
        for file in ["x.cts", "x.csv", "f.json"] {
            #expect(try dir.mode(file) == 0o600, "\(file)")
        }
        #expect(try dir.text("x.cts") == before)
        let csv = try dir.text("x.csv")
        #expect(csv.hasPrefix("id,name,unit,rank,category,born,status\n"))
        #expect(csv.contains("c3,\"Say \"\"hi\"\"\tand\\back\nnext\",js,bureau,leading,,active\n"))
        #expect(
            try dir.text("f.json").contains(
                """
                  {
                    "id": "f2",
                    "inspection": "i1",
                    "text": "Open one 🙂",
                    "severity": "high",
                    "due": "2010-09-30",
                    "status": "open",
                    "resolved": null
                  }
                """))
    }

    @Test func exportedCadresImportIntoASessionWithTheirUnits() throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.script())
        try dir.cts("-s", "A.ctsdb", "gen.cts")
        let original = try dir.cts(
            "--read-only", "-s", "A.ctsdb", "-c", "list cadres as csv", "-c", "export cadres to \"x.csv\"")
        #expect(original.status == 0, "\(original)")
        let unitLines = try dir.dump("A.ctsdb").split(separator: "\n").filter { $0.hasPrefix("unit add ") }
        try dir.write("units.cts", unitLines.joined(separator: "\n") + "\n")
        try dir.cts("-s", "U.ctsdb", "units.cts")
        do {
            let r = try dir.cts("-s", "U.ctsdb", "-c", "import cadres from \"x.csv\"")
            #expect(r.status == 0 && r.err.isEmpty, "\(r)")
            let copy = try dir.cts("--read-only", "-s", "U.ctsdb", "-c", "list cadres as csv")
            #expect(copy.out == original.out)
        }
    }

    @Test func saveInsideAScriptWritesTheFileAndExitsZero() throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.script())
        let reference = try dir.cts("gen.cts", "-c", "dump")
        try dir.write("save.cts", GeneratedSession.script() + "save \"S.ctsdb\"\n")
        try dir.write(
            "after.cts",
            """
            unit add js "Jiangsu" kind=locality level=province
            save "T.ctsdb"
            unit add nj "Nanjing" kind=locality level=city parent=js

            """)
        do {
            let r = try dir.cts("save.cts")
            #expect(r.status == 0, "\(r)")
            #expect(r.err.isEmpty, "\(r)")
            #expect(try dir.dump("S.ctsdb") == reference.out)

            // Changes after the save go to the file saved to (it is now the session file).
            let after = try dir.cts("after.cts")
            #expect(after.status == 0, "\(after)")
            #expect(try dir.cts("-s", "T.ctsdb", "-c", "list units columns id as csv").out == "id\njs\nnj\n")

            // `save` with no name, in a run on a session file.
            let plain = try dir.cts("-s", "S.ctsdb", "-c", "unit add q \"Q\" kind=locality level=city", "-c", "save")
            #expect(plain.status == 0, "\(plain)")
            #expect(try dir.count("units", in: "S.ctsdb") == "count\n4\n")
        }
    }

    @Test func saveReplacingAPermissiveFileLeavesItPrivate() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "A.ctsdb", "setup.cts")
        try dir.cts("-s", "P.ctsdb", "-c", "unit add p \"P\" kind=locality level=city")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir.path("P.ctsdb"))
        let r = try dir.cts("-s", "A.ctsdb", "-c", "save \"P.ctsdb\"")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(try dir.mode("P.ctsdb") == 0o600)
        #expect(try dir.dump("P.ctsdb") == (try dir.dump("A.ctsdb")))
    }

    // MARK: - Dry run

    @Test func dryRunPrintsTheEffectAndWritesNothing() throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.core)
        try dir.cts("-s", "F.ctsdb", "gen.cts")
        let before = try dir.bytes("F.ctsdb")
        let many = (1...12).map { "cadre add n\($0) \"Nuevo \($0) – 新\" unit=hz rank=staff category=technical" }
        try dir.write(
            "plan.cts",
            """
            unit add hz "Hangzhou 杭州" kind=locality level=city parent=js
            \(many.joined(separator: "\n"))
            cadre set c1 rank=bureau
            enroll n1 in k1
            finding remove f2
            budget set nj 2011 funds=10 revenue=20
            budget set nj 2009 funds=5 revenue=6
            unit add tmp "Temporary" kind=workplace level=township
            unit remove tmp

            """)
        let r = try dir.cts("--dry-run", "-s", "F.ctsdb", "plan.cts")
        #expect(r.status == 0, "\(r)")
        #expect(r.err.isEmpty)
        #expect(
            r.out == """
                dry run: nothing was written to F.ctsdb; the script would have
                  added 1 unit: hz
                  added 12 cadres: n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, …
                  changed 1 cadre: c1
                  added 1 enrollment: n1 in k1
                  added 1 budget: nj 2011
                  changed 1 budget: nj 2009
                  removed 1 finding: f2

                """)
        #expect(try dir.bytes("F.ctsdb") == before)
        #expect(!dir.exists("F.ctsdb.lock"))
    }

    @Test func dryRunOfAScriptThatFailsWritesNothing() throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.core)
        try dir.cts("-s", "F.ctsdb", "gen.cts")
        let before = try dir.bytes("F.ctsdb")
        try dir.write(
            "plan.cts", "unit add hz \"H\" kind=locality level=city\nunit add hz \"H\" kind=locality level=city\n")
        let r = try dir.cts("--dry-run", "-s", "F.ctsdb", "plan.cts")
        #expect(r.status == 1, "\(r)")
        #expect(r.err.hasPrefix("plan.cts:2:"), "\(r)")
        #expect(try dir.bytes("F.ctsdb") == before)
    }
}

/// Undo and redo, interactive autosave and the lock: more of the session-file tests.
extension SessionFileTests {
    // MARK: - Undo and redo of every kind of change, in one process

    /// Runs the generated session, then CMD, undo, redo, dumping the session between them.
    func undoRedo(_ c: UndoCase, undoLine: String) throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.script())
        for (name, text) in c.files { try dir.write(name, text) }
        let r = try dir.cts(
            "gen.cts", "-c", "dump \"d0.cts\"", "-c", c.command, "-c", "dump \"d1.cts\"",
            "-c", "set verbose on", "-c", "undo", "-c", "dump \"d2.cts\"", "-c", "redo",
            "-c", "dump \"d3.cts\"")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(
            r.out == (c.alwaysPrinted ? c.confirmation + "\n" : "") + """
                verbose is on
                undid: \(undoLine)
                dumped the session to d2.cts
                redid: \(undoLine)
                dumped the session to d3.cts

                """)
        let d0 = try dir.text("d0.cts"), d1 = try dir.text("d1.cts")
        #expect(d0 != d1, "the command changed the session")
        #expect(try dir.text("d2.cts") == d0, "undo restores the session exactly")
        #expect(try dir.text("d3.cts") == d1, "redo makes the change again exactly")
        // Undone and redone, the change reaches the session file like any other.
        let filed = try dir.cts(["-s", "F.ctsdb", "gen.cts", "-c", c.command, "-c", "undo", "-c", "redo", "-c", "undo"])
        #expect(filed.status == 0, "\(filed)")
        #expect(try dir.dump("F.ctsdb") == d0)
    }

    @Test(arguments: UndoCase.all)
    func undoAndRedo(_ c: UndoCase) throws {
        try undoRedo(c, undoLine: c.confirmation)
    }

    @Test func undoAndRedoOfAnImport() throws {
        do {
            try undoRedo(UndoCase.importCadres, undoLine: "import cadres (2 added)")
        }
    }

    /// today and day-hours are session state: autosaved at the prompt's pace (one -c at a
    /// time, as a batch), opened by the next cts, taken back by undo, kept in `meta`.
    @Test func settingsAreSavedWithTheSessionFile() throws {
        let dir = try SessionScratch()
        let set = try dir.cts("-s", "s.ctsdb", "-c", "set today 2009-12-31", "-c", "set day-hours 6")
        #expect(set.status == 0 && set.err.isEmpty, "\(set)")
        #expect(
            try dir.sqliteValue(
                "s.ctsdb",
                "SELECT group_concat(key || '=' || value, ' ') FROM "
                    + "(SELECT * FROM meta WHERE key IN ('today', 'day_hours') ORDER BY key)")
                == "day_hours=6 today=2009-12-31")
        let reopened = try dir.cts(
            "-s", "s.ctsdb", "-c", "print today", "-c", "print 2 * 1",
            "-c", "set today system", "-c", "set day-hours 7.5")
        #expect(reopened.status == 0 && reopened.out == "2009-12-31\n2\n", "\(reopened)")
        // Back to the defaults: the keys are gone, as in a file that never set them.
        #expect(try dir.sqliteValue("s.ctsdb", "SELECT count(*) FROM meta WHERE key IN ('today', 'day_hours')") == "0")
    }

    @Test func undoOfDayHours() throws {
        let dir = try SessionScratch()
        try dir.write("gen.cts", GeneratedSession.core)
        let r = try dir.cts(
            "gen.cts", "-c", "set verbose on", "-c", "set day-hours 8", "-c", "undo", "-c", "redo",
            "-c", "course add k8 \"A\" kind=lecture provider=js.ps start=2010-01-04 end=2010-01-04 days=2",
            "-c", "undo 2",
            "-c", "course add k7 \"B\" kind=lecture provider=js.ps start=2010-01-04 end=2010-01-04 days=2",
            "-c", "redo",
            "-c", "list courses where kind = lecture columns id, hours as csv")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(
            r.out == """
                verbose is on
                day-hours is 8
                undid: set day-hours 8
                redid: set day-hours 8
                added course k8
                undid: added course k8; set day-hours 8
                added course k7
                nothing to redo
                id,hours
                k7,15

                """)
    }

    @Test func undoSeveralAndNothingToUndo() throws {
        let dir = try SessionScratch()
        let r = try dir.cts(
            "-c", "unit add a \"A\" kind=locality level=city", "-c", "unit add b \"B\" kind=locality level=city",
            "-c", "set verbose on", "-c", "undo 5", "-c", "undo", "-c", "redo 2", "-c", "redo",
            "-c", "list units columns id as csv")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(
            r.out == """
                verbose is on
                undid: added unit b; added unit a
                nothing to undo
                redid: added unit a; added unit b
                nothing to redo
                id
                a
                b

                """)
    }

    // MARK: - Import errors

    @Test func importErrorNamesFileLineAndColumnAndImportsNothing() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        try dir.write(
            "x.csv",
            """
            id,name,unit,rank,category
            c10,Ana Ñ,nj,staff,leading
            c11,李伟,nj,countyy,leading
            c12,Third,nj,bureau,leading

            """)
        do {
            let r = try dir.cts("-s", "F.ctsdb", "-c", "import cadres from \"x.csv\"")
            #expect(r.status == 1, "\(r)")
            #expect(r.out.isEmpty)
            #expect(
                r.err == """
                    x.csv:3:11: error: unknown rank 'countyy' (did you mean 'county'?)
                        c11,李伟,nj,countyy,leading
                                    ^~~~~~~

                    """)
        }
        #expect(try dir.bytes("F.ctsdb") == before, "nothing imported")
        #expect(try dir.count("cadres", in: "F.ctsdb") == "count\n0\n")
    }
}

// MARK: - At the prompt (tmux)

extension SessionFileTests {
    /// A session file held by an interactive cts at a real terminal.
    @Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    struct AtThePrompt {
        func startShell(_ tmux: TmuxSession, _ arguments: [String]) throws {
            try tmux.start(arguments + ["--no-rc"])
            try tmux.waitFor { $0.split(separator: "\n").last == "cts>" }
        }

        func type(_ tmux: TmuxSession, _ line: String, until text: String) throws {
            try tmux.type(line)
            try tmux.press("Enter")
            let screen = try tmux.waitFor(text)
            #expect(screen.contains(text), "\(screen)")
            try tmux.waitFor { $0.split(separator: "\n").last == "cts>" }
        }

        func waitForExit(_ tmux: TmuxSession) throws -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if try tmux.exited() { return true }
                usleep(50_000)
            }
            return false
        }

        func units(_ dir: SessionScratch, _ file: String) throws -> String {
            let r = try dir.cts("--read-only", "-s", file, "-c", "list units columns id as csv")
            #expect(r.status == 0, "\(r)")
            return r.out
        }

        @Test func aSecondCtsIsLockedOutButMayRead() throws {
            let dir = try SessionScratch()
            try dir.write("setup.cts", SessionFileTests.units)
            try dir.cts("-s", "F.ctsdb", "setup.cts")
            let tmux = try TmuxSession()
            defer { tmux.stop() }
            try startShell(tmux, ["-s", dir.path("F.ctsdb")])
            #expect(try tmux.screen().contains("session file \(dir.path("F.ctsdb"))"))
            let before = try dir.bytes("F.ctsdb")

            let r = try dir.cts("-s", "F.ctsdb", "-c", "count units")
            #expect(r.status == 3)
            #expect(r.out.isEmpty)
            let match = r.err.wholeMatch(of: /cts: error: F\.ctsdb is in use by another cts \(pid (\d+)\)\n/)
            #expect(match != nil, "\(r)")
            let pid = try dir.text("F.ctsdb.lock").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(match.map { String($0.1) } == pid, "the pid named is the one in F.ctsdb.lock")
            #expect(try dir.mode("F.ctsdb.lock") == 0o600)

            // Scripts and commands that would change it are refused alike; so are save and open.
            let change = try dir.cts("-s", "F.ctsdb", "-c", "unit add x \"X\" kind=locality level=city")
            #expect(change.status == 3 && change.err.contains("F.ctsdb is in use by another cts (pid "), "\(change)")
            let save = try dir.cts("-c", "unit add x \"X\" kind=locality level=city", "-c", "save \"F.ctsdb\"")
            #expect(save.status == 3 && save.err.contains("F.ctsdb is in use by another cts (pid "), "\(save)")
            let open = try dir.cts("-c", "open \"F.ctsdb\"")
            #expect(open.status == 3 && open.err.contains("F.ctsdb is in use by another cts (pid "), "\(open)")
            #expect(try dir.bytes("F.ctsdb") == before)

            let read = try dir.cts("--read-only", "-s", "F.ctsdb", "-c", "count units as csv")
            #expect(read.status == 0 && read.out == "count\n3\n" && read.err.isEmpty, "\(read)")

            try tmux.type("quit")
            try tmux.press("Enter")
            #expect(try waitForExit(tmux))
            #expect(!dir.exists("F.ctsdb.lock"), "the lock is gone when cts quits")
            let after = try dir.cts("-s", "F.ctsdb", "-c", "count units as csv")
            #expect(after.status == 0 && after.out == "count\n3\n", "\(after)")
        }

        @Test func everyChangeAtThePromptIsInTheFileBeforeQuitting() throws {
            let dir = try SessionScratch()
            try dir.write("setup.cts", SessionFileTests.units)
            try dir.cts("-s", "F.ctsdb", "setup.cts")
            let path = dir.path("F.ctsdb")
            let tmux = try TmuxSession()
            defer { tmux.stop() }
            try startShell(tmux, ["-s", path])

            try type(tmux, "unit add t1 \"Tee – 新\" kind=locality level=city", until: "added unit t1")
            #expect(try units(dir, "F.ctsdb") == "id\njs\nnj\nnj.fin\nt1\n")
            try type(tmux, "unit set t1 name=\"Changed ñ\"", until: "changed unit t1")
            let name = try dir.cts("--read-only", "-s", "F.ctsdb", "-c", "list units where id = t1 columns name as csv")
            #expect(name.out == "name\nChanged ñ\n")
            try type(tmux, "undo", until: "undid: changed unit t1")
            try type(tmux, "undo", until: "undid: added unit t1")
            #expect(try units(dir, "F.ctsdb") == "id\njs\nnj\nnj.fin\n", "undo is written too")
            try type(tmux, "redo", until: "redid: added unit t1")
            #expect(try units(dir, "F.ctsdb") == "id\njs\nnj\nnj.fin\nt1\n")
            // A failing input changes nothing, in memory or in the file.
            let before = try dir.bytes("F.ctsdb")
            try type(tmux, "unit add t1 \"Again\" kind=locality level=city", until: "error:")
            #expect(try dir.bytes("F.ctsdb") == before)

            try type(tmux, "set autosave off", until: "autosave is off")
            try type(tmux, "unit add t2 \"Two\" kind=locality level=city", until: "added unit t2")
            #expect(try units(dir, "F.ctsdb") == "id\njs\nnj\nnj.fin\nt1\n", "with autosave off nothing is written")
            try tmux.press("C-d")
            let screen = try tmux.waitFor("Leave anyway? (y/n)")
            #expect(screen.contains("1 change is not saved to \(path). Leave anyway? (y/n)"), "\(screen)")
            try tmux.type("y")
            try tmux.press("Enter")
            #expect(try waitForExit(tmux))
            #expect(
                try units(dir, "F.ctsdb") == "id\njs\nnj\nnj.fin\nt1\n", "the change left behind is not in the file")
            #expect(!dir.exists("F.ctsdb.lock"))
        }

        @Test func aKilledShellLosesNothingAndLeavesNoLock() throws {
            let dir = try SessionScratch()
            try dir.write("setup.cts", SessionFileTests.units)
            try dir.cts("-s", "F.ctsdb", "setup.cts")
            let tmux = try TmuxSession()
            defer { tmux.stop() }
            try startShell(tmux, ["-s", dir.path("F.ctsdb")])
            try type(tmux, "cadre add c1 \"Li Wei 李伟\" unit=nj rank=county category=leading", until: "added cadre c1")
            let pid = try #require(Int32(try dir.text("F.ctsdb.lock").trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(kill(pid, SIGKILL) == 0)
            #expect(try waitForExit(tmux))
            // The lock died with the process: the next cts takes the file without --read-only.
            let r = try dir.cts("-s", "F.ctsdb", "-c", "list cadres columns id, name as csv")
            #expect(r.status == 0 && r.err.isEmpty, "\(r)")
            #expect(r.out == "id,name\nc1,Li Wei 李伟\n")
        }

        @Test func saveAtThePromptAfterAutosaveOff() throws {
            let dir = try SessionScratch()
            try dir.write("setup.cts", SessionFileTests.units)
            try dir.cts("-s", "F.ctsdb", "setup.cts")
            let tmux = try TmuxSession()
            defer { tmux.stop() }
            try startShell(tmux, ["-s", dir.path("F.ctsdb")])
            try type(tmux, "set autosave off", until: "autosave is off")
            try type(tmux, "unit add t2 \"Two\" kind=locality level=city", until: "added unit t2")
            #expect(try units(dir, "F.ctsdb") == "id\njs\nnj\nnj.fin\n")
            try type(tmux, "save", until: "saved ")
            #expect(try units(dir, "F.ctsdb") == "id\njs\nnj\nnj.fin\nt2\n")
            #expect(try dir.mode("F.ctsdb") == 0o600)
            try tmux.press("C-d")
            #expect(try waitForExit(tmux), "nothing unsaved: no question")
        }

        @Test func openAsksBeforeDroppingChangesThatAreNotSaved() throws {
            let dir = try SessionScratch()
            try dir.write("setup.cts", SessionFileTests.units)
            try dir.cts("-s", "F.ctsdb", "setup.cts")
            try dir.copy(dir.path("F.ctsdb"), to: "G.ctsdb")
            let tmux = try TmuxSession()
            defer { tmux.stop() }
            try startShell(tmux, ["-s", dir.path("F.ctsdb")])
            try type(tmux, "set autosave off", until: "autosave is off")
            try type(tmux, "unit add t2 \"Two\" kind=locality level=city", until: "added unit t2")
            try tmux.type("open \"\(dir.path("G.ctsdb"))\"")
            try tmux.press("Enter")
            let screen = try tmux.waitFor(3) { $0.contains("(y/n)") || $0.contains("opened ") }
            do {
                #expect(screen.contains("(y/n)"), "\(screen)")
            }
        }

        @Test func addAndSaveOnOneLineKeepsTheFileAndMemoryTogether() throws {
            let dir = try SessionScratch()
            let tmux = try TmuxSession()
            defer { tmux.stop() }
            try startShell(tmux, [])
            let path = dir.path("H.ctsdb")
            try type(tmux, "unit add y \"Y\" kind=locality level=city; save \"\(path)\"", until: "saved ")
            try type(tmux, "unit add x \"X\" kind=locality level=city", until: "added unit x")
            let screen = try tmux.screen()
            let listed = try dir.cts("--read-only", "-s", "H.ctsdb", "-c", "list units columns id as csv").out
            do {
                #expect(!screen.contains("error:"), "\(screen)")
                #expect(listed == "id\ny\nx\n")
            }
        }
    }
}
