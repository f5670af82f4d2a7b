import CTSDomain
@testable import CTSStore
import Foundation
import GRDB
import Testing

/// Session files hold personal data: the file, its journal and its lock file are 0600.
@Suite struct FileModeTests {
    @Test func aCreatedSessionFileAndItsCompanionsAre0600() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("private.ctsdb")
        let store = try SQLiteBackend.open(path)
        #expect(mode(path) == 0o600)
        #expect(mode(path + ".lock") == 0o600)
        store.close()
        // The rollback journal SQLite creates during a write transaction takes the file's mode.
        let queue = try DatabaseQueue(path: path)
        var journalMode = 0
        try queue.inDatabase { db in
            try db.inTransaction {
                try db.execute(
                    sql: "INSERT INTO unit (slot, id, name, kind, level) VALUES (0, 'a', 'A', 'locality', 'city')")
                journalMode = mode(path + "-journal")
                return .rollback
            }
        }
        try queue.close()
        #expect(journalMode == 0o600)
    }

    @Test func aSavedFileIs0600EvenOverAMorePermissiveOne() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("saved.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        #expect(mode(path) == 0o600)
        chmod(path, 0o644)
        try SQLiteBackend.save(Session(), to: path)
        #expect(mode(path) == 0o600)
        #expect(dir.contents == ["saved.ctsdb"], "no temporary or lock file is left")
    }
}
