import CTSDomain
@testable import CTSStore
import Foundation
import Testing

@Suite struct ReadOnlyTests {
    @Test func readOnlyWritesNothingAndTakesNoLock() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("ro.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        let before = bytes(path)
        let store = try SQLiteBackend.openReadOnly(path)
        #expect(store.isReadOnly)
        #expect(dir.contents == ["ro.ctsdb"])
        _ = try store.load()
        #expect { try store.replaceAll(with: Session()) } throws: { error in (error as! StoreError).kind == .io }
        store.close()
        #expect(bytes(path) == before)
        #expect(dir.contents == ["ro.ctsdb"])
    }

    /// A reader loading while another store commits batches sees whole batches only.
    @Test func readOnlyLoadsAConsistentSnapshot() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("busy.ctsdb")
        let batch = 500, batches = 20
        let writer = try SQLiteBackend.open(path)
        var changes = ChangeSet()
        let session = Session()
        _ = try session.add(.unit(Unit(id: "u", name: "U", kind: .locality, level: .city)), &changes)
        try writer.write([changes])
        let done = DispatchSemaphore(value: 0)
        let writerBox = UncheckedBox((writer, session))
        Thread.detachNewThread {
            let (writer, session) = writerBox.value
            for b in 0..<batches {
                var changes = ChangeSet()
                for i in 0..<batch {
                    session.append(
                        .cadre(
                            Cadre(
                                id: "c\(b)-\(i)", name: "C", unit: 0, rank: .staff,
                                category: .technical)), to: &changes)
                }
                try! writer.write([changes])
            }
            done.signal()
        }
        var seen = Set<Int>()
        while done.wait(timeout: .now()) == .timedOut {
            let reader = try SQLiteBackend.openReadOnly(path)
            let count = try reader.load().count(.cadre)
            reader.close()
            #expect(count % batch == 0, "a load saw \(count) cadres: part of a transaction")
            seen.insert(count)
        }
        writer.close()
        let final = try SQLiteBackend.openReadOnly(path)
        #expect(try final.load().count(.cadre) == batch * batches)
        final.close()
    }
}

/// Hands a non-Sendable value to another thread when the test makes sure only one uses it.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
