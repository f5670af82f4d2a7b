import CTSDomain
@testable import CTSStore
import GRDB
import Testing

/// The session file's layout is derived from the kinds' declarations: the columns the codec
/// writes, and the table a new kind's migration creates, are those format 1 wrote by hand (made
/// STRICT by format 4).
@Suite struct DerivedSchemaTests {
    /// Every kind whose table format 1 or 2 created as it still is (a course's `day_hours`
    /// came with format 3, as an added column).
    static let types: [any EntityRecord.Type] = [
        Unit.self, Cadre.self, Enrollment.self, Rule.self, Exemption.self, Budget.self, Plan.self, Inspection.self,
        Finding.self, Practice.self,
    ]

    @Test(arguments: 0..<types.count) func aKindsTableIsTheOneItsDeclarationDerives(_ i: Int) throws {
        func derived<R: EntityRecord>(_ type: R.Type) -> (String, String) {
            (R.declaration.kind.rawValue, Migration.createTableSQL(type))
        }
        let (table, sql) = derived(Self.types[i])
        let db = try DatabaseQueue()
        try db.inDatabase { db in try Migrator.migrate(db) }
        let written = try db.read { db in
            try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE tbl_name = ? ORDER BY rowid", arguments: [table])
        }
        #expect(written.map { $0 + ";\n" }.joined() == sql)
    }

    @Test func theColumnsOfACourseEndWithItsStoredDayHours() {
        #expect(
            SessionSchema.columns(.course)
                == ["id", "title", "kind", "provider", "organizer", "start", "end", "hours", "capacity", "day_hours"])
        #expect(
            SessionSchema.columns(.rule)
                == ["id", "title", "for", "period_first", "period_last", "period_years", "hours", "kinds"])
    }
}
