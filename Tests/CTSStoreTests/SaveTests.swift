import CTSDomain
@testable import CTSStore
import Foundation
import Testing

@Suite struct SaveTests {
    @Test func saveReplacesTheFileAndLeavesNothingBehind() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("s.ctsdb")
        let first = try SessionBuilder.province().session
        try SQLiteBackend.save(first, to: path)
        let second = try SessionBuilder.large(units: 3, cadres: 30, enrollments: 60).session
        try SQLiteBackend.save(second, to: path)
        #expect(dir.contents == ["s.ctsdb"])
        let store = try SQLiteBackend.open(path, create: false)
        defer { store.close() }
        expectSameSession(second, try store.load())
        #expect(try sqlite(path, "SELECT value FROM meta WHERE key = 'cts_version'") == "0.1.0\n")
        #expect(
            try sqlite(
                path,
                "SELECT count(*) FROM meta WHERE key IN ('created', 'last_saved') AND value LIKE '____-__-__T__:__:__Z'"
            ) == "2\n")
    }

    @Test func theTemporaryFileSitsBesideTheTarget() {
        #expect(FileSystem.directory(of: "s.ctsdb") == ".")
        #expect(FileSystem.directory(of: "/s.ctsdb") == "/")
        #expect(FileSystem.directory(of: "a/b/s.ctsdb") == "a/b")
        #expect(FileSystem.temporaryPath(beside: "s.ctsdb").hasPrefix(".s.ctsdb.saving-\(getpid())-"))
        #expect(FileSystem.temporaryPath(beside: "/tmp/x/s.ctsdb").hasPrefix("/tmp/x/.s.ctsdb.saving-"))
    }

    @Test func aFileKilledInTheMiddleOfATransactionIsRecovered() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("crashed.ctsdb")
        let built = try SessionBuilder.large(units: 10, cadres: 5000, enrollments: 5000)
        try SQLiteBackend.save(built.session, to: path)
        // Another program dies half-way through a big transaction: the file has uncommitted
        // pages in it and a hot journal beside it.
        let crash = """
            import sqlite3, os, sys
            con = sqlite3.connect(sys.argv[1], isolation_level=None)
            con.execute("PRAGMA cache_size = 5")
            con.execute("BEGIN")
            con.execute("UPDATE cadre SET name = name || ' changed and much longer than before'")
            con.execute("UPDATE enrollment SET status = 'absent'")
            os._exit(0)
            """
        let child = try Child("/usr/bin/env", ["python3", "-c", crash, path])
        child.process.waitUntilExit()
        #expect(FileSystem.hasHotJournal(path))
        let readOnly = #expect(throws: StoreError.self) { _ = try SQLiteBackend.openReadOnly(path) }
        #expect(
            readOnly?.message.contains("open it once without --read-only") == true,
            "\(readOnly?.message ?? "-") \(readOnly?.resultCode ?? 0)")
        // Opening it rolls the journal back: the session is the one saved.
        let store = try SQLiteBackend.open(path, create: false)
        expectSameSession(built.session, try store.load())
        store.close()
        #expect(dir.contents == ["crashed.ctsdb"])
    }

    @Test func savingOverAFileWithAHotJournalRecoversItFirst() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("crashed.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.large(units: 10, cadres: 5000, enrollments: 5000).session, to: path)
        let crash = """
            import sqlite3, os, sys
            con = sqlite3.connect(sys.argv[1], isolation_level=None)
            con.execute("PRAGMA cache_size = 5")
            con.execute("BEGIN")
            con.execute("UPDATE cadre SET name = name || ' changed and much longer than before'")
            os._exit(0)
            """
        let child = try Child("/usr/bin/env", ["python3", "-c", crash, path])
        child.process.waitUntilExit()
        #expect(FileSystem.hasHotJournal(path))
        let session = try SessionBuilder.province().session
        try SQLiteBackend.save(session, to: path)
        #expect(dir.contents == ["crashed.ctsdb"], "the old journal must not be left to be played into the new file")
        let store = try SQLiteBackend.open(path, create: false)
        defer { store.close() }
        expectSameSession(session, try store.load())
    }

    /// A file another tool (or `set journal wal`) switched to WAL stays so: SQLite keeps the
    /// mode in the file, and it is the file's owner's choice.
    @Test func aFileSwitchedToWALStaysInWAL() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("wal.ctsdb")
        let session = try SessionBuilder.province().session
        try SQLiteBackend.save(session, to: path)
        #expect(try sqlite(path, "PRAGMA journal_mode = WAL") == "wal\n")
        let store = try SQLiteBackend.open(path, create: false)
        #expect(store.isWAL)
        expectSameSession(session, try store.load())
        try store.setJournal(wal: false)
        #expect(!store.isWAL)
        try store.setJournal(wal: true)
        store.close()
        #expect(try sqlite(path, "PRAGMA journal_mode") == "wal\n")
        // The log and its index go when the last connection closes.
        #expect(dir.contents == ["wal.ctsdb"])
    }

    @Test func aSaveOverAFileInWALModeLeavesNoLogAndKeepsTheMode() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("wal.ctsdb")
        try SQLiteBackend.save(Session(), to: path)
        #expect(try sqlite(path, "PRAGMA journal_mode = WAL") == "wal\n")
        let session = try SessionBuilder.province().session
        try SQLiteBackend.save(session, to: path)
        #expect(try sqlite(path, "PRAGMA journal_mode") == "wal\n")
        #expect(dir.contents == ["wal.ctsdb"])
        let store = try SQLiteBackend.open(path, create: false)
        defer { store.close() }
        expectSameSession(session, try store.load())
    }

    @Test func isFileComparesFilesNotSpellings() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("s.ctsdb")
        let store = try SQLiteBackend.open(path)
        defer { store.close() }
        #expect(store.isFile(dir.path + "/./s.ctsdb"))
        #expect(!store.isFile(dir.file("other.ctsdb")))
    }
}
