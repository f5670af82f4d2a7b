import CTSDomain
@testable import CTSStore
import Foundation
import Testing

@Suite struct RoundTripTests {
    @Test func saveThenLoadGivesTheSameSession() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let original = try SessionBuilder.province().session
        let path = dir.file("province.ctsdb")
        try SQLiteBackend.save(original, to: path)
        let store = try SQLiteBackend.open(path, create: false)
        defer { store.close() }
        let loaded = try store.load()
        expectSameSession(original, loaded)
        // Tombstones in the middle survive: the removed unit, cadre and enrollment left holes.
        #expect(loaded.units.rows.contains { $0 == nil })
        #expect(loaded.cadres.rows.contains { $0 == nil })
        #expect(loaded.enrollments.rows.contains { $0 == nil })
        // Indexes of the loaded session work: lookups by id, key and reverse references.
        let fin = try #require(loaded.slot(.unit, id: "nj.fin"))
        #expect(loaded.cadresByUnit[fin].count == 2)
        let late = try #require(loaded.slot(.unit, id: "late"))
        #expect(loaded.childUnits[late] == [Int32(loaded.slot(.unit, id: "orphan")!)])
        let c3 = loaded.slot(.cadre, id: "c3")!, lead = loaded.slot(.rule, id: "lead5y")!
        #expect(loaded.isExempt(cadre: c3, rule: lead))
        #expect(loaded.hours(cadre: loaded.slot(.cadre, id: "c1")!, in: Period(years: 2009, 2009)!) == 300)
    }

    /// Amounts past 2⁵⁰ thousandths (about 1.1 × 10¹²), which a double no longer holds to
    /// within a thousandth, read back as the decimal they were given as (issue 11: such a file
    /// was reported damaged).
    @Test func largeAmountsReadBack() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let b = try SessionBuilder.province()
        let fin = try #require(b.session.slot(.unit, id: "nj.fin"))
        let funds = Number(text: "999999999999999.9")!, revenue = Number(text: "2000000000000.5")!
        #expect(funds.survivesDouble && revenue.survivesDouble)
        _ = try b.add(.budget(Budget(unit: fin, year: 2011, funds: funds, revenue: revenue)))
        let path = dir.file("large.ctsdb")
        try SQLiteBackend.save(b.session, to: path)
        let store = try SQLiteBackend.open(path, create: false)
        defer { store.close() }
        let loaded = try store.load()
        let budget = try #require(loaded.budgets.rows.compactMap { $0 }.first { $0.year == 2011 })
        #expect(budget.funds.isExact && budget.funds == funds && budget.revenue == revenue)
    }

    @Test func everyFieldIsStoredAsDocumented() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("fields.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        let rows = try sqlite(
            path,
            """
            SELECT c.id, c.name, u.id, c.rank, c.category, quote(c.born), c.status FROM cadre c
            JOIN unit u ON u.slot = c.unit ORDER BY c.slot;
            SELECT id, "for", period_first, period_last, period_years, hours, quote(kinds) FROM rule ORDER BY slot;
            SELECT status, quote(hours), quote(date) FROM enrollment ORDER BY slot;
            SELECT id, status, quote(resolved) FROM finding ORDER BY slot;
            SELECT id, promoted FROM practice ORDER BY slot;
            SELECT kind, quote(organizer), "start", "end", quote(capacity) FROM course ORDER BY slot;
            """)
        #expect(
            rows == """
                c1|Li Wei 李伟|nj.fin|county|leading|1966|active
                c2|Wang Fang|nj.fin|staff|civil-servant|NULL|active
                c3|Zhang Min – 张敏|js.org|bureau|leading|NULL|active
                c4|José Núñez 🙂|lg|national|grassroots|1950|left
                c5|Enterprise one|nj|township|enterprise|NULL|active
                lead5y|category = leading and rank >= county|2008-01-01|2012-12-31|1|550.0|'off-job,rotation,short-term'
                yearly|status = active|2009-01-01|2009-12-31|1|90.0|NULL
                h1|rank >= bureau|2009-01-01|2009-06-30|0|10.0|''
                completed|300.0|'2009-04-24'
                completed|150.5|'2009-04-20'
                absent|NULL|NULL
                withdrawn|NULL|NULL
                enrolled|NULL|NULL
                f1|open|NULL
                f2|resolved|'2010-09-01'
                p1|1
                p2|0
                off-job|NULL|2009-03-02|2009-04-24|NULL
                short-term|1|2009-05-11|2009-05-22|30
                lecture|NULL|2010-06-01|2010-06-01|NULL

                """)
    }

    @Test func writtenChangeSetsLoadBackEqual() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("commands.ctsdb")
        let store = try SQLiteBackend.open(path)
        let built = try SessionBuilder.province()
        // One change set per command, written one at a time as autosave does.
        for changes in built.changeSets { try store.write([changes]) }
        expectSameSession(built.session, try store.load())
        store.close()
        let again = try SQLiteBackend.open(path, create: false)
        defer { again.close() }
        expectSameSession(built.session, try again.load())
    }

    @Test func aWholeScriptIsOneWrite() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try SQLiteBackend.open(dir.file("script.ctsdb"))
        defer { store.close() }
        let built = try SessionBuilder.province()
        try store.write(built.changeSets)
        expectSameSession(built.session, try store.load())
    }

    @Test func undoAndRedoChangeSetsKeepTheFileInStep() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try SQLiteBackend.open(dir.file("undo.ctsdb"))
        defer { store.close() }
        let built = try SessionBuilder.province()
        let session = built.session
        let history = built.takeChangeSets()
        try store.write(history)
        // Undo the last five commands one at a time, each undo written as autosave would.
        for set in history.suffix(5).reversed() {
            session.revert(set)
            try store.write([inverse(set)])
            expectSameSession(session, try store.load())
        }
        for set in history.suffix(5) {
            session.apply(set)
            try store.write([set])
        }
        expectSameSession(session, try store.load())
        // Undo everything (trailing empty slots go, as in memory), then redo it all in one write.
        for set in history.reversed() {
            session.revert(set)
            try store.write([inverse(set)])
        }
        #expect(EntityKind.allCases.allSatisfy { session.count($0) == 0 })
        expectSameSession(session, try store.load())
        for set in history { session.apply(set) }
        try store.write(history)
        expectSameSession(session, try store.load())
    }

    private func inverse(_ set: ChangeSet) -> ChangeSet { ChangeSet(set.changes.reversed().map(\.inverse)) }

    @Test func replaceAllPutsTheWholeSessionInTheFile() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try SQLiteBackend.open(dir.file("replace.ctsdb"))
        defer { store.close() }
        let first = try SessionBuilder.province()
        try store.write(first.changeSets)
        let other = try SessionBuilder.large(units: 5, cadres: 50, enrollments: 120).session
        try store.replaceAll(with: other)
        expectSameSession(other, try store.load())
        try store.replaceAll(with: Session())
        expectSameSession(Session(), try store.load())
    }

    @Test func aFailingWriteChangesNothing() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("atomic.ctsdb")
        let store = try SQLiteBackend.open(path)
        defer { store.close() }
        let built = try SessionBuilder.province()
        try store.write(built.takeChangeSets())
        let before = bytes(path)
        // A script whose changes are fine until one names a slot the file does not have.
        var good = ChangeSet()
        built.session.append(.unit(Unit(id: "new", name: "New", kind: .locality, level: .city)), to: &good)
        let bad = ChangeSet([.delete(slot: 999, .unit(Unit(id: "x", name: "x", kind: .locality, level: .city)))])
        #expect { try store.write([good, bad]) } throws: { error in
            let e = error as! StoreError
            return e.kind == .io && e.message.contains("unit in slot 999") && e.message.contains("nothing was written")
        }
        #expect(bytes(path) == before)
        // A change breaking a foreign key (an enrollment of a cadre that is not there) is refused at commit.
        let dangling = ChangeSet([.insert(slot: 500, .enrollment(Enrollment(cadre: 77, course: 0)))])
        #expect { try store.write([dangling]) } throws: { error in
            (error as! StoreError).message.contains("FOREIGN KEY")
        }
        #expect(bytes(path) == before)
        expectSameSession(built.session.copyWithout(good), try store.load())
    }

    @Test func aBigChangeSetIsWrittenWithItsIndexesRebuilt() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("big.ctsdb"), fresh = dir.file("fresh.ctsdb")
        let store = try SQLiteBackend.open(path)
        defer { store.close() }
        let built = try SessionBuilder.large(units: 10, cadres: 15_000, enrollments: 10_000)
        try store.write(built.takeChangeSets())
        expectSameSession(built.session, try store.load())
        try SQLiteBackend.open(fresh).close()
        let schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        #expect(try sqlite(path, schema) == sqlite(fresh, schema))

        // A bulk change set with a duplicate id fails when the unique index is rebuilt: nothing is written.
        let before = bytes(path)
        var duplicate = ChangeSet()
        for i in 0..<BulkLoad.threshold {
            let id = i == BulkLoad.threshold - 1 ? "c0" : "new\(i)"
            duplicate.changes.append(
                .insert(
                    slot: 15_000 + i,
                    .cadre(
                        Cadre(
                            id: id, name: "N", unit: 0, rank: .staff,
                            category: .technical))))
        }
        #expect { try store.write([duplicate]) } throws: { error in
            (error as! StoreError).message.contains("UNIQUE constraint failed")
        }
        #expect(bytes(path) == before)
        #expect(try sqlite(path, schema) == sqlite(fresh, schema))
    }

    @Test func writeIssuesOneStatementPerChangeNotARewrite() throws {
        let store = try SQLiteBackend.inMemory(recordingSQL: true)
        let built = try SessionBuilder.province()
        try store.write(built.takeChangeSets())
        store.clearExecutedSQL()
        try built.run { s, c in try s.update(.cadre, s.slot(.cadre, id: "c2")!, with: [("rank", .text("county"))], &c) }
        try built.run { s, c in _ = try s.remove(.practice, s.slot(.practice, id: "p2")!, cascade: false, &c) }
        try store.write(built.takeChangeSets())
        let statements = store.executedSQL.filter { !$0.hasPrefix("BEGIN") && !$0.hasPrefix("COMMIT") }
        #expect(statements.count == 3)
        #expect(statements[0].hasPrefix("UPDATE \"cadre\" SET") && statements[0].hasSuffix("WHERE \"slot\" = 1"))
        #expect(statements[0].contains("\"rank\" = 'county'"))
        #expect(statements[1] == "DELETE FROM \"practice\" WHERE \"slot\" = 1")
        #expect(statements[2].hasPrefix("INSERT OR REPLACE INTO \"meta\""))
        expectSameSession(built.session, try store.load())
    }

    @Test func anEmptyFileOpensAsANewSession() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("empty.ctsdb")
        write([], to: path)
        let readOnly = try SQLiteBackend.openReadOnly(path)
        #expect(try readOnly.load().count(.unit) == 0)
        readOnly.close()
        #expect(bytes(path).isEmpty)
        let store = try SQLiteBackend.open(path, create: false)
        defer { store.close() }
        #expect(try store.load().count(.cadre) == 0)
        #expect(store.fileFormat == SQLiteBackend.formatVersion)
    }
}

extension Session {
    /// This session with one change set taken back (for expectations), leaving self as it was.
    func copyWithout(_ changes: ChangeSet) -> Session {
        revert(changes)
        let copy = Session()
        for kind in EntityKind.dependencyOrder {
            for slot in slots(kind) { copy.restore(record(kind, slot)!, at: slot) }
        }
        apply(changes)
        return copy
    }
}

/// Runs sqlite3 on a file and returns its output.
func sqlite(_ path: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", path, sql]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
