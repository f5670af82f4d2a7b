import CTSDomain
@testable import CTSStore
import Foundation
import GRDB
import Testing

@Suite struct MigrationTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/format1.ctsdb").path

    /// The session the format-1 fixture holds.
    static func fixtureSession() -> Session {
        let s = Session()
        s.restore(.unit(Unit(id: "js", name: "Jiangsu 江苏", kind: .locality, level: .province)), at: 0)
        s.restore(
            .unit(
                Unit(
                    id: "js.ps", name: "Party School — Escuela", kind: .institution, level: .province,
                    parent: 0)), at: 1)
        s.restore(.unit(Unit(id: "nj", name: "Nanjing 南京", kind: .locality, level: .city, parent: 0)), at: 3)
        s.restore(
            .cadre(
                Cadre(
                    id: "c1", name: "Li Wei 李伟", unit: 3, rank: .county, category: .leading,
                    born: 1966)), at: 0)
        s.restore(.cadre(Cadre(id: "c2", name: "José Núñez 🙂", unit: 3, rank: .staff, category: .civilServant)), at: 1)
        s.restore(
            .cadre(
                Cadre(
                    id: "c4", name: "Wang Fang", unit: 0, rank: .bureau, category: .leading,
                    status: .left)), at: 3)
        s.restore(
            .course(
                Course(
                    id: "k1", title: "Scientific Outlook", kind: .offJob, provider: 1,
                    start: day(2009, 3, 2), end: day(2009, 4, 24), hours: 300)), at: 0)
        s.restore(
            .course(
                Course(
                    id: "k2", title: "Finance", kind: .shortTerm, provider: 1, organizer: 0,
                    start: day(2009, 5, 11), end: day(2009, 5, 22), hours: 90, capacity: 30)), at: 1)
        s.restore(
            .enrollment(
                Enrollment(
                    cadre: 0, course: 0, status: .completed, hours: 300,
                    date: day(2009, 4, 24))), at: 0)
        s.restore(.enrollment(Enrollment(cadre: 1, course: 0, status: .withdrawn)), at: 1)
        s.restore(.enrollment(Enrollment(cadre: 0, course: 1, status: .enrolled)), at: 3)
        s.restore(.enrollment(Enrollment(cadre: 3, course: 1, status: .absent)), at: 4)
        s.restore(
            .rule(
                Rule(
                    id: "lead5y", title: "550 hours in 5 years", condition: "category = leading",
                    period: Period(years: 2008, 2012)!, hours: 550, kinds: [.offJob, .shortTerm])), at: 0)
        s.restore(.budget(Budget(unit: 3, year: 2009, funds: 1_200_000, revenue: 3.2e10)), at: 0)
        s.restore(.plan(Plan(unit: 3, year: 2009, participants: 40, hours: 90)), at: 0)
        s.restore(.inspection(Inspection(id: "i1", by: 0, unit: 3, date: day(2010, 5, 12), scope: "Files")), at: 0)
        s.restore(
            .finding(
                Finding(
                    id: "f1", inspection: 0, text: "Incomplete", severity: .medium,
                    due: day(2010, 8, 31), status: .resolved, resolved: day(2010, 8, 1))), at: 0)
        s.restore(.practice(Practice(id: "p1", unit: 3, text: "Evening classes", year: 2010, promoted: true)), at: 0)
        return s
    }

    /// Writes `Fixtures/format1.ctsdb`: the format-1 schema (the first migration only, with
    /// 512-byte pages to keep it small) and the records of `fixtureSession()`. Run once, with
    /// `CTS_STORE_MAKE_FIXTURE=1`; the file is committed.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CTS_STORE_MAKE_FIXTURE"] == "1"))
    func makeFormat1Fixture() throws {
        let path = Self.fixture
        try? FileManager.default.removeItem(atPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 512")
            try Migrator.migrate(db, upTo: 1)
            try db.inTransaction {
                try db.execute(sql: "UPDATE meta SET value = '0.0.9' WHERE key = 'cts_version'")
                let session = Self.fixtureSession()
                // Format 1 has the same columns as format 2 for every table it has.
                let writer = RecordWriter(db)
                for kind in SessionSchema.kinds(inFormat: 1) {
                    for slot in session.slots(kind) { try writer.insert(session.record(kind, slot)!, at: slot) }
                }
                return .commit
            }
        }
        try queue.inDatabase { db in try db.execute(sql: "VACUUM") }
        try queue.close()
        #expect(bytes(path).count < 40_000)
    }

    @Test func theFormat1FixtureIsUpgradedInPlace() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("old.ctsdb")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: path)
        #expect(try sqlite(path, "PRAGMA user_version; SELECT name FROM schema_migrations;") == "1\nv1-initial\n")

        let store = try SQLiteBackend.open(path, create: false)
        #expect(store.fileFormat == 5)
        expectSameSession(Self.fixtureSession(), try store.load())
        // The upgraded file takes format-2 records (exemptions) too.
        var changes = ChangeSet()
        let session = try store.load()
        try session.exempt(cadre: 0, rule: 0, reason: "Abroad", &changes)
        try store.write([changes])
        store.close()

        #expect(
            try sqlite(
                path,
                """
                PRAGMA user_version;
                SELECT version, name FROM schema_migrations ORDER BY version;
                SELECT key, value FROM meta WHERE key IN ('format_version', 'cts_version') ORDER BY key;
                SELECT count(*) FROM meta WHERE key = 'last_saved';
                SELECT reason FROM exemption;
                """) == """
                    5
                    1|v1-initial
                    2|v2-exemptions-last-saved
                    3|v3-course-day-hours
                    4|v4-strict-tables
                    5|v5-reader-views
                    cts_version|0.1.0
                    format_version|5
                    1
                    Abroad

                    """)
        let reopened = try SQLiteBackend.open(path, create: false)
        defer { reopened.close() }
        #expect(try reopened.load().isExempt(cadre: 0, rule: 0))
    }

    @Test func anUpgradedFileHasTheSchemaOfANewOne() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let old = dir.file("old.ctsdb"), new = dir.file("new.ctsdb")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: old)
        try SQLiteBackend.open(old, create: false).close()
        try SQLiteBackend.open(new).close()
        let schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name; PRAGMA application_id;"
        #expect(try sqlite(old, schema) == sqlite(new, schema))
        #expect(try sqlite(new, "PRAGMA application_id") == "\(SessionSchema.applicationID)\n")
    }

    @Test func readOnlyReadsAnOlderFormatWithoutUpgrading() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("old.ctsdb")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: path)
        let before = bytes(path)
        let store = try SQLiteBackend.openReadOnly(path)
        #expect(store.fileFormat == 1)
        expectSameSession(Self.fixtureSession(), try store.load())
        let insert = ChangeSet([.insert(slot: 9, .unit(Unit(id: "x", name: "x", kind: .locality, level: .city)))])
        #expect { try store.write([insert]) } throws: { error in
            (error as! StoreError).message == "\(path) was opened read-only; nothing was written"
        }
        store.close()
        #expect(bytes(path) == before)
        #expect(dir.contents == ["old.ctsdb"])
    }

    @Test func aFailingMigrationLeavesTheFileAsItWas() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("old.ctsdb")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: path)
        // A table in the way of migration 2: it fails half-way, and all of it is rolled back.
        _ = try sqlite(path, "CREATE TABLE exemption (x)")
        let before = bytes(path)
        #expect { try SQLiteBackend.open(path, create: false) } throws: { error in
            let e = error as! StoreError
            return e.kind == .io && e.message.contains("old.ctsdb") && e.message.contains("exemption")
        }
        #expect(bytes(path) == before)
        #expect(try sqlite(path, "PRAGMA user_version; SELECT count(*) FROM schema_migrations;") == "1\n1\n")
        #expect(dir.contents == ["old.ctsdb"])
    }

    @Test func aNewerFormatIsRefusedNamingBothVersions() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("future.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        _ = try sqlite(path, "PRAGMA user_version = 6")
        let before = bytes(path)
        for open in [{ try SQLiteBackend.open(path) }, { try SQLiteBackend.openReadOnly(path) }] {
            #expect { _ = try open() } throws: { error in
                let e = error as! StoreError
                return e.kind == .newerFormat(file: 6, supported: 5)
                    && e.message == "\(path) has session format 6, but this cts reads formats up to 5; "
                        + "open it with a newer cts"
            }
        }
        #expect { try SQLiteBackend.save(Session(), to: path) } throws: { error in
            (error as! StoreError).kind == .newerFormat(file: 6, supported: 5)
        }
        #expect(bytes(path) == before)
        #expect(dir.contents == ["future.ctsdb"])
    }
}

/// Format 4 made every table STRICT: SQLite itself refuses a value of the wrong type, from cts
/// or from any other program, and an older file is rebuilt so on open.
@Suite struct StrictTableTests {
    /// Every STRICT table: the twelve of format 4 and format 5's enum_value.
    static let tables = [
        "budget", "cadre", "course", "enrollment", "enum_value", "exemption", "finding", "inspection", "meta", "plan",
        "practice",
        "rule", "unit",
    ]

    /// The fixture (format 1) brought to format 3, the last format before STRICT tables.
    static func format3File(_ dir: TempDir) throws -> String {
        let path = dir.file("old.ctsdb")
        try FileManager.default.copyItem(atPath: MigrationTests.fixture, toPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in try Migrator.migrate(db, upTo: 3) }
        try queue.close()
        return path
    }

    @Test func everyTableOfANewFileIsStrict() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("new.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        #expect(
            try sqlite(path, "SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main' ORDER BY name")
                == Self.tables.map { $0 + "\n" }.joined())
    }

    @Test func anotherProgramCannotWriteTextWhereANumberBelongs() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("new.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        let before = bytes(path)
        // sqlite3 says why on its standard error; the file is as it was.
        for update in ["course SET hours = 'many'", "cadre SET born = 1966.5", "unit SET name = x'00ff'"] {
            _ = try sqlite(path, "UPDATE " + update)
            #expect(bytes(path) == before, "\(update)")
        }
        #expect(try sqlite(path, "SELECT count(*) FROM course WHERE typeof(hours) = 'text'") == "0\n")
    }

    @Test func aFormat3FileIsRebuiltKeepingItsRecordsAndWhatOthersAdded() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = try Self.format3File(dir)
        // What another tool may have added: a column, an index, a view and a trigger on cts's tables.
        _ = try sqlite(
            path,
            """
            ALTER TABLE cadre ADD COLUMN note TEXT;
            UPDATE cadre SET note = 'kept' WHERE id = 'c1';
            CREATE INDEX cadre_name ON cadre (name);
            CREATE VIEW cadre_names AS SELECT id, name FROM cadre;
            CREATE TABLE audit (what TEXT);
            CREATE TRIGGER cadre_audit AFTER UPDATE ON cadre BEGIN INSERT INTO audit VALUES ('updated'); END;
            """)
        let store = try SQLiteBackend.open(path, create: false)
        #expect(store.fileFormat == 5)
        expectSameSession(MigrationTests.fixtureSession(), try store.load())
        store.close()
        #expect(
            try sqlite(path, "SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main' ORDER BY name")
                == Self.tables.map { $0 + "\n" }.joined())
        #expect(
            try sqlite(
                path,
                """
                SELECT note FROM cadre WHERE id = 'c1';
                SELECT count(*) FROM cadre_names;
                SELECT type, name FROM sqlite_master WHERE name IN ('cadre_name', 'cadre_audit', 'cadre_id') ORDER BY name;
                PRAGMA foreign_key_check;
                """)
                == "kept\n\(MigrationTests.fixtureSession().count(.cadre))\ntrigger|cadre_audit\nindex|cadre_id\nindex|cadre_name\n"
        )
        // The upgraded file's own tables are those of a new file.
        let new = dir.file("new.ctsdb")
        try SQLiteBackend.open(new).close()
        let schema =
            "SELECT name, sql FROM sqlite_master WHERE tbl_name NOT IN ('cadre', 'audit', 'cadre_names') ORDER BY name"
        #expect(try sqlite(path, schema) == sqlite(new, schema))
    }

    @Test func aValueAStrictTableRefusesStopsTheUpgradeAndNamesIt() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = try Self.format3File(dir)
        _ = try sqlite(path, "UPDATE course SET hours = 'three hundred' WHERE id = 'k1'")
        let slot = try sqlite(path, "SELECT slot FROM course WHERE id = 'k1'").dropLast()
        let before = bytes(path)
        #expect { try SQLiteBackend.open(path, create: false) } throws: { error in
            let e = error as! StoreError
            return e.kind == .corrupt
                && e.message
                    == "\(path) is damaged: course \(slot), column hours has the text 'three hundred', where cts "
                    + "keeps a number; it was not upgraded to format 5 and is unchanged"
        }
        #expect(bytes(path) == before)
        #expect(try sqlite(path, "PRAGMA user_version") == "3\n")
    }

    @Test func strictIsAddedBesideOtherTableOptions() {
        #expect(
            StrictRebuild.strictDefinition("CREATE TABLE \"t\" (a INTEGER)", table: "t", as: "n")
                == "CREATE TABLE \"n\" (a INTEGER) STRICT")
        #expect(
            StrictRebuild.strictDefinition("CREATE TABLE t (a TEXT PRIMARY KEY) WITHOUT ROWID", table: "t", as: "n")
                == "CREATE TABLE \"n\" (a TEXT PRIMARY KEY) WITHOUT ROWID, STRICT")
        #expect(StrictRebuild.strictDefinition("CREATE TABLE t (a INTEGER) STRICT", table: "t", as: "n") == nil)
    }
}
