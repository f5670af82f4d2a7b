import CTSDomain
@testable import CTSStore
import Foundation
import Testing

/// Session files another tool wrote into (issue 11): a value cts never writes is refused when
/// the file is opened, with an error naming the table, the row's slot and the column, and the
/// file is left as it was. Each edit alone breaks nothing SQLite checks.
///
/// Since format 4 the tables are STRICT, so SQLite itself refuses the wrong storage classes
/// (`StrictTableTests`); these tests first strip STRICT the way a tool with `writable_schema`
/// could, because a format-3 file opened `--read-only` has no such guard and the checks on
/// load are what stands between it and the session.
@Suite struct ForeignValueTests {
    static let edits: [(sql: String, message: String)] = [
        (
            "UPDATE course SET hours = 'abc' WHERE id = 'k1'",
            "course 0, column hours has the text 'abc', where cts keeps a number"
        ),
        ("UPDATE cadre SET name = x'00ff' WHERE id = 'c2'", "cadre 1, column name has a blob, where cts keeps text"),
        (
            "UPDATE cadre SET name = CAST(x'ff41' AS TEXT) WHERE id = 'c2'",
            "cadre 1, column name has text that is not UTF-8"
        ),
        (
            "UPDATE cadre SET born = 1970.5 WHERE id = 'c2'",
            "cadre 1, column born has 1970.5, where cts keeps a whole number"
        ),
        (
            "UPDATE cadre SET born = 'x' WHERE id = 'c2'",
            "cadre 1, column born has the text 'x', where cts keeps a whole number"
        ),
        (
            "UPDATE course SET hours = 1e999 WHERE id = 'k1'",
            "course 0, column hours has inf, which is past the largest amount cts keeps (10¹⁵)"
        ),
        (
            "UPDATE budget SET funds = -1 WHERE slot = 0",
            "budget 0, column funds breaks a rule cts keeps: funds cannot be negative"
        ),
        (
            "UPDATE enrollment SET hours = -5 WHERE slot = 0",
            "enrollment 0, column hours breaks a rule cts keeps: hours cannot be negative"
        ),
        (
            "UPDATE course SET \"end\" = '2000-01-01' WHERE id = 'k1'",
            "course 0, column end breaks a rule cts keeps: course k1 ends (2000-01-01) before it starts"
        ),
        (
            "UPDATE enrollment SET slot = 1000000000 WHERE slot = (SELECT max(slot) FROM enrollment)",
            "enrollment 1000000000, column slot is out of range: the table has"
        ),
    ]

    @Test func valuesCTSNeverWritesAreRefusedNamingTheirPlace() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("edited.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        try loosenStrictTables(path)
        let pristine = bytes(path)
        for (sql, message) in Self.edits {
            write(pristine, to: path)
            _ = try sqlite(path, sql)
            let before = bytes(path)
            let store = try SQLiteBackend.open(path, create: false)
            defer { store.close() }
            #expect { _ = try store.load() } throws: { error in
                let e = error as! StoreError
                let ok = e.kind == .corrupt && e.message.hasPrefix("\(path) is damaged: \(message)")
                if !ok { Issue.record("\(sql): \(e.message)") }
                return ok
            }
            #expect(bytes(path) == before, "\(sql)")
        }
    }

    @Test func aWholeNumberInARealColumnAndNumericTextLoadAsTheyRead() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("edited.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        // SQLite's REAL affinity turns both into 12.0: the value cts reads is the one stored.
        _ = try sqlite(
            path, "UPDATE course SET hours = 12 WHERE id = 'k1'; UPDATE course SET hours = '36' WHERE id = 'k2'")
        let store = try SQLiteBackend.open(path, create: false)
        defer { store.close() }
        let session = try store.load()
        let hours = session.courses.rows.compactMap { $0 }.map { ($0.id, $0.hours.description) }
        #expect(hours.contains { $0 == ("k1", "12") } && hours.contains { $0 == ("k2", "36") }, "\(hours)")
    }
}

/// Turns every STRICT table of the file back into an ordinary one by editing its schema text,
/// which SQLite allows under `writable_schema` (the reverse is what format 4's migration does
/// properly, by rebuilding).
func loosenStrictTables(_ path: String) throws {
    _ = try sqlite(
        path,
        """
        PRAGMA writable_schema = ON;
        UPDATE sqlite_schema SET sql = replace(sql, ') STRICT', ')') WHERE type = 'table';
        """)
    let strict = try sqlite(path, "SELECT count(*) FROM pragma_table_list WHERE strict = 1")
    guard strict.trimmingCharacters(in: .whitespacesAndNewlines) == "0" else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSDebugDescriptionErrorKey: "\(strict) tables still strict"])
    }
}
