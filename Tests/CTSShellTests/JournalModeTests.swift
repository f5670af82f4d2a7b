import Foundation
import Testing

/// `set journal wal|delete` (issue 12): the session file's journal mode, kept by the file, so
/// that a reader (sqlite3, pandas, Datasette) does not hold up cts's writes; and a save over a
/// file in WAL mode never leaves a write-ahead log beside the new file.
@Suite struct JournalModeTests {
    static let units = "unit add js \"Jiangsu\" kind=locality level=province\n"

    /// A Python reader holding a read transaction open on a file until `finish()`.
    final class Reader {
        let process = Process()
        let input = Pipe(), output = Pipe()
        /// What it counted in `unit` when it began.
        let units: String

        init(_ dir: SessionScratch, _ file: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", "-c",
                """
                import sqlite3, sys
                con = sqlite3.connect(sys.argv[1], isolation_level=None)
                con.execute("BEGIN")
                print(con.execute("SELECT count(*) FROM unit").fetchone()[0], flush=True)
                sys.stdin.read()
                print(con.execute("SELECT count(*) FROM unit").fetchone()[0], flush=True)
                """, file,
            ]
            process.currentDirectoryURL = dir.url
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            var line = Data()
            while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8)
            {
                line.append(byte)
            }
            units = String(decoding: line, as: UTF8.self)
        }

        /// Ends the reader; what it counted at the end of its transaction.
        func finish() throws -> String {
            try input.fileHandleForWriting.close()
            let rest = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: rest, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func theFileKeepsTheJournalModeItIsSetTo() throws {
        let dir = try SessionScratch()
        try dir.write("units.cts", Self.units)
        let r = try dir.cts("-s", "p.ctsdb", "units.cts", "-c", "set journal wal", "-c", "set format csv", "-c", "set")
        #expect(r.status == 0, "\(r)")
        #expect(r.out.contains("journal,wal,"), "\(r)")
        #expect(try dir.sqliteValue("p.ctsdb", "PRAGMA journal_mode") == "wal")
        // Opened again, it stays so; `set` says so.
        let again = try dir.cts("-s", "p.ctsdb", "-c", "set format csv", "-c", "set")
        #expect(again.out.contains("journal,wal,"), "\(again)")
        #expect(try dir.sqliteValue("p.ctsdb", "PRAGMA journal_mode") == "wal")
        let back = try dir.cts("-s", "p.ctsdb", "-c", "set journal delete")
        #expect(back.status == 0 && back.err.isEmpty, "\(back)")
        #expect(try dir.sqliteValue("p.ctsdb", "PRAGMA journal_mode") == "delete")
        #expect(try dir.count("units", in: "p.ctsdb") == "count\n1\n")
    }

    @Test func setJournalNeedsASessionFileItMayWrite() throws {
        let dir = try SessionScratch()
        let none = try dir.cts("-c", "set journal wal")
        #expect(none.status == 1)
        #expect(none.err.contains("1:13: error: journal is the session file's: there is none yet"), "\(none)")
        try dir.cts("-s", "p.ctsdb", "-c", Self.units)
        let readOnly = try dir.cts("--read-only", "-s", "p.ctsdb", "-c", "set journal wal")
        #expect(readOnly.status == 1)
        #expect(readOnly.err.contains("p.ctsdb was opened read-only; its journal mode was not changed"), "\(readOnly)")
        let wrong = try dir.cts("-s", "p.ctsdb", "-c", "set journal memory")
        #expect(wrong.err.contains("1:13: error: journal is delete or wal, not 'memory'"), "\(wrong)")
        #expect(try dir.sqliteValue("p.ctsdb", "PRAGMA journal_mode") == "delete")
        let noFile = try dir.cts("-c", "set format csv", "-c", "set")
        #expect(noFile.out.contains("journal,(no session file),"), "\(noFile)")
    }

    @Test func inWALModeAReaderDoesNotHoldUpAWrite() throws {
        let dir = try SessionScratch()
        try dir.cts("-s", "p.ctsdb", "-c", Self.units, "-c", "set journal wal")
        let reader = try Reader(dir, "p.ctsdb")
        #expect(reader.units == "1")
        let start = Date()
        let w = try dir.cts("-s", "p.ctsdb", "-c", "unit add nj \"Nanjing\" kind=locality level=city parent=js")
        #expect(w.status == 0 && w.err.isEmpty, "\(w)")
        // The rollback journal would have made it wait for the reader (10 s, then fail).
        #expect(Date().timeIntervalSince(start) < 5)
        // The reader still sees the state it began with; cts's change is in the file.
        #expect(try reader.finish() == "1")
        #expect(try dir.count("units", in: "p.ctsdb") == "count\n2\n")
    }

    @Test func aSaveOverAFileInWALModeKeepsItsModeAndLeavesNoLogBehind() throws {
        let dir = try SessionScratch()
        try dir.cts("-s", "old.ctsdb", "-c", Self.units, "-c", "set journal wal")
        let s = try dir.cts(
            "-c", Self.units, "-c", "unit add nj \"Nanjing\" kind=locality level=city", "-c", "save \"old.ctsdb\"")
        #expect(s.status == 0, "\(s)")
        #expect(!dir.exists("old.ctsdb-wal"))
        #expect(try dir.sqliteValue("old.ctsdb", "PRAGMA journal_mode") == "wal")
        #expect(try dir.count("units", in: "old.ctsdb") == "count\n2\n")
    }

    @Test func aSaveOverAFileInWALModeThatSomeoneReadsIsRefused() throws {
        let dir = try SessionScratch()
        try dir.cts("-s", "old.ctsdb", "-c", Self.units, "-c", "set journal wal")
        let reader = try Reader(dir, "old.ctsdb")
        let s = try dir.cts("-c", "new", "-c", "save \"old.ctsdb\"")
        #expect(s.status == 3, "\(s)")
        #expect(s.err.contains("old.ctsdb"), "\(s)")
        #expect(try reader.finish() == "1")
        #expect(try dir.count("units", in: "old.ctsdb") == "count\n1\n")
    }
}
