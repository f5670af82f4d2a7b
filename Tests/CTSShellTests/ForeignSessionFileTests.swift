import Foundation
import Testing

// A session file another tool touched (issue 11): its triggers, views and tables are kept but
// never act on what cts writes, and the lock holds whatever name reaches the file.

@Suite struct ForeignSessionFileTests {
    static let units = """
        unit add js "Jiangsu" kind=locality level=province
        unit add nj "Nanjing" kind=locality level=city parent=js

        """

    func session(_ dir: SessionScratch) throws {
        try dir.write("setup.cts", Self.units)
        let r = try dir.cts("-s", "F.ctsdb", "setup.cts")
        #expect(r.status == 0, "\(r)")
    }

    func sql(_ dir: SessionScratch, _ script: String) throws {
        try dir.python(
            """
            import sqlite3, sys
            con = sqlite3.connect(sys.argv[1])
            con.executescript(sys.argv[2])
            con.commit()
            con.close()
            """, dir.path("F.ctsdb"), script)
    }

    @Test func anotherToolsTriggersDoNotRunOnCtsWrites() throws {
        let dir = try SessionScratch()
        try session(dir)
        try sql(
            dir,
            """
            CREATE TABLE "log" ("unit" TEXT);
            CREATE TRIGGER "logged" AFTER INSERT ON "unit" BEGIN INSERT INTO "log" VALUES (new."id"); END;
            CREATE TRIGGER "refused" BEFORE DELETE ON "unit" BEGIN SELECT RAISE(ABORT, 'no removing'); END;
            CREATE VIEW "cities" AS SELECT "id" FROM "unit" WHERE "level" = 'city';
            """)
        // Autosave at the prompt and the end of a batch run go through the same connection.
        let r = try dir.cts(
            "-s", "F.ctsdb", "-c", #"unit add sz "Suzhou" kind=locality level=city parent=js"#,
            "-c", "unit remove nj")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        #expect(try dir.count("units", in: "F.ctsdb") == "count\n2\n")
        #expect(try dir.sqliteValue("F.ctsdb", "SELECT count(*) FROM log") == "0")
        // What the other tool made is still there, and works for it.
        #expect(try dir.sqliteValue("F.ctsdb", "SELECT group_concat(id) FROM cities") == "sz")
        #expect(try dir.sqliteValue("F.ctsdb", "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "2")
    }

    @Test func anotherToolsTableIsKeptAndIgnored() throws {
        let dir = try SessionScratch()
        try session(dir)
        try sql(dir, #"CREATE TABLE "notes" ("text" TEXT); INSERT INTO "notes" VALUES ('kept');"#)
        let r = try dir.cts("-s", "F.ctsdb", "-c", "unit set nj name=\"Nanjing City\"", "-c", "count units as csv")
        #expect(r.status == 0 && r.out == "count\n2\n", "\(r)")
        #expect(try dir.sqliteValue("F.ctsdb", "SELECT text FROM notes") == "kept")
    }

    /// A hard link is the same file under another name, with another `NAME.lock` beside it:
    /// the file itself is locked too.
    @Test func theLockHoldsThroughAHardLink() throws {
        let dir = try SessionScratch()
        try session(dir)
        try FileManager.default.linkItem(atPath: dir.path("F.ctsdb"), toPath: dir.path("G.ctsdb"))
        // Holds F.ctsdb open while it waits for its script, on a pipe, to end.
        let holder = Process()
        holder.executableURL = ctsBinary()
        holder.arguments = ["-s", "F.ctsdb", "/dev/stdin"]
        holder.currentDirectoryURL = dir.url
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(20)
        while (try? dir.text("F.ctsdb.lock")) != "\(holder.processIdentifier)\n" && Date() < deadline { usleep(20_000) }
        let before = try dir.bytes("F.ctsdb")
        let r = try dir.cts("-s", "G.ctsdb", "-c", #"unit add x "X" kind=locality level=province"#)
        #expect(r.status == 3, "\(r)")
        #expect(r.err == "cts: error: G.ctsdb is in use by another cts (pid \(holder.processIdentifier))\n", "\(r)")
        let save = try dir.cts("-c", #"unit add x "X" kind=locality level=province"#, "-c", #"save "G.ctsdb""#)
        #expect(save.status == 3 && save.err.contains("G.ctsdb is in use by another cts (pid "), "\(save)")
        #expect(try dir.bytes("F.ctsdb") == before)
        #expect(!dir.exists("G.ctsdb.lock"), "the refused cts leaves no lock file")
    }
}
