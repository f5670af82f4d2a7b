import CTSDomain
@testable import CTSStore
import Foundation
import GRDB
import GRDBSQLite
import Testing

/// Format 5's views and enum table, for the programs analysts read session files with
/// (issue 12): ids where the tables keep slots, no SQL keyword as a column name, every
/// column of the table shown, and the enum words in the order cts sorts them.
@Suite struct ReaderViewTests {
    /// The view of each kind and the name it gives each column of the kind's table.
    static let views: [EntityKind: (view: String, renamed: [String: String])] = [
        .unit: ("units_v", [:]),
        .cadre: ("cadres_v", [:]),
        .course: ("courses_v", ["start": "start_date", "end": "end_date"]),
        .enrollment: ("enrollments_v", [:]),
        .rule: ("rules_v", ["for": "applies_to"]),
        .exemption: ("exemptions_v", [:]),
        .budget: ("budgets_v", [:]),
        .plan: ("plans_v", [:]),
        .inspection: ("inspections_v", ["by": "inspecting_unit"]),
        .finding: ("findings_v", [:]),
        .practice: ("practices_v", [:]),
    ]

    func savedProvince() throws -> (TempDir, String) {
        let dir = TempDir()
        let path = dir.file("province.ctsdb")
        try SQLiteBackend.save(try SessionBuilder.province().session, to: path)
        return (dir, path)
    }

    @Test func everyKindHasAViewOfEveryColumnUnderANameThatIsNoKeyword() throws {
        #expect(Set(Self.views.keys) == Set(EntityKind.allCases))
        // The check below knows the words the tables use.
        #expect(
            ["for", "end", "by"].allSatisfy { (word: String) in sqlite3_keyword_check(word, Int32(word.utf8.count)) != 0
            })
        let (dir, path) = try savedProvince()
        defer { dir.remove() }
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            for (kind, view) in Self.views {
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [view.view])
                    .map { $0["name"] as String }
                let expected = SessionSchema.columns(kind).map { view.renamed[$0] ?? $0 }
                #expect(columns == expected, "\(view.view)")
                for column in columns {
                    #expect(sqlite3_keyword_check(column, Int32(column.utf8.count)) == 0, "\(view.view).\(column)")
                }
                // One row per record, in list order.
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(view.view)\"")
                let records = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(SessionSchema.table(kind))\"")
                #expect(rows == records && (rows ?? 0) > 0, "\(view.view)")
            }
        }
    }

    @Test func viewsShowIdsWhereTheTablesKeepSlots() throws {
        let (dir, path) = try savedProvince()
        defer { dir.remove() }
        let built = try SessionBuilder.province().session
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let cadres = try Row.fetchAll(db, sql: "SELECT id, unit FROM cadres_v")
            #expect(cadres.count == built.count(.cadre))
            for row in cadres {
                let id: String = row["id"]
                let unit: String = row["unit"]
                let slot = try #require(built.slot(.cadre, id: id))
                let unitSlot = try #require(built.cadres[slot]).unit
                #expect(unit == built.units[unitSlot]?.id, "\(id)")
            }
            let enrollments = try Row.fetchAll(db, sql: "SELECT cadre, course FROM enrollments_v")
            #expect(enrollments.count == built.count(.enrollment))
            #expect(enrollments.allSatisfy { built.slot(.cadre, id: $0["cadre"]) != nil })
            #expect(enrollments.allSatisfy { built.slot(.course, id: $0["course"]) != nil })
        }
    }

    @Test func theEnumTableHoldsEveryWordInTheOrderCTSSortsBy() throws {
        let (dir, path) = try savedProvince()
        defer { dir.remove() }
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            for vocabulary in Vocabulary.allCases {
                let name = vocabulary.rawValue.replacingOccurrences(of: " ", with: "_")
                let words = try String.fetchAll(
                    db, sql: "SELECT value FROM enum_value WHERE vocabulary = ? ORDER BY position", arguments: [name])
                // A new word in the domain needs a migration that adds it: this fails until then.
                #expect(words == vocabulary.words, "\(name)")
            }
            let vocabularies = try Int.fetchOne(db, sql: "SELECT count(DISTINCT vocabulary) FROM enum_value")
            #expect(vocabularies == Vocabulary.allCases.count)
        }
    }

    @Test func anUpgradedFileHasTheViewsAndTheyFollowItsChanges() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("old.ctsdb")
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try Migrator.migrate(db, upTo: 4) }
        try queue.close()
        let store = try SQLiteBackend.open(path, create: false)
        let built = try SessionBuilder.province()
        try store.write(built.takeChangeSets())
        try built.run { s, c in try s.update(.cadre, s.slot(.cadre, id: "c2")!, with: [("rank", .text("county"))], &c) }
        try store.write(built.takeChangeSets())
        store.close()
        #expect(try sqlite(path, "SELECT rank FROM cadres_v WHERE id = 'c2'") == "county\n")
        #expect(try sqlite(path, "PRAGMA user_version") == "5\n")
    }
}
