import CTSDomain
@testable import CTSStore
import Foundation
import Testing

/// A big enrollment table is read in two ranges of slots, the first on a second connection
/// (``BackgroundRead``): the session must come back exactly as it was, empty slots included,
/// and a damaged row in either range must still be reported.
@Suite struct BackgroundReadTests {
    /// A session with more enrollments than ``BackgroundRead/threshold``, of which a band of
    /// slots wider than any split point could fall outside is removed: the first range ends,
    /// and the second starts, with empty slots.
    private func session() throws -> Session {
        let built = try SessionBuilder.large(units: 20, cadres: 5_000, enrollments: BackgroundRead.threshold + 100)
        let s = built.session
        var changes = ChangeSet()
        for slot in 8_000..<BackgroundRead.threshold { try s.remove(.enrollment, slot, cascade: false, &changes) }
        return s
    }

    @Test func enrollmentsReadOnTwoConnectionsComeBackInTheirSlots() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let s = try session()
        let path = dir.file("two.ctsdb")
        try SQLiteBackend.save(s, to: path)
        let store = try SQLiteBackend.openReadOnly(path)
        defer { store.close() }
        expectSameSession(s, try store.load())
        let writable = try SQLiteBackend.open(path, create: false)
        defer { writable.close() }
        expectSameSession(s, try writable.load())
    }

    @Test func aDanglingReferenceAmongTheFirstRangeIsReported() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("bad.ctsdb")
        try SQLiteBackend.save(try session(), to: path)
        _ = try sqlite(path, "PRAGMA foreign_keys = OFF; UPDATE enrollment SET course = 4242 WHERE slot = 3")
        let store = try SQLiteBackend.openReadOnly(path)
        defer { store.close() }
        #expect { try store.load() } throws: { error in
            (error as! StoreError).message
                == "\(path) is damaged: enrollment 3, column course refers to slot 4242, which holds no record"
        }
    }
}
