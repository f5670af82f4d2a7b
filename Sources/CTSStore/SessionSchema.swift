import CTSDomain

/// The layout of a session file: one table per entity kind, keyed by `slot` (the record's
/// place in its kind's table in memory, so list order and references survive), a `meta` table,
/// `schema_migrations`, and two header fields: `PRAGMA application_id` (the cts magic) and
/// `PRAGMA user_version` (the format version). `docs/session-files.md` documents it for other tools.
///
/// References are stored as the referenced record's slot, with deferred foreign keys so that a
/// change set may insert and delete in any order inside its transaction; enum values as their
/// lowercase words; dates as `YYYY-MM-DD` text; a rule's period as three columns; its course
/// kinds as comma-separated text; booleans as 0/1.
enum SessionSchema {
    /// `PRAGMA application_id` of every session file: "CTSD" in ASCII.
    static let applicationID: Int32 = 0x4354_5344

    /// The format this build writes: the version of the last migration.
    static var currentVersion: Int { migrations.last!.version }

    /// Every format change since the first, in order. Never edit a released one.
    static let migrations: [Migration] = [
        Migration(version: 1, name: "v1-initial", sql: v1),
        Migration(version: 2, name: "v2-exemptions-last-saved", sql: v2, creates: [.exemption]),
        Migration(
            version: 3, name: "v3-course-day-hours", sql: v3,
            adds: [Migration.AddedColumn(kind: .course, column: "day_hours", oldValue: "7.5")]),
        Migration(version: 4, name: "v4-strict-tables", sql: "", makesStrict: v4StrictTables),
        Migration(version: 5, name: "v5-reader-views", sql: v5),
    ]

    /// `meta` keys of the session's settings; a key is absent while its setting is the default.
    static let todayKey = "today"
    static let dayHoursKey = "day_hours"

    /// The entity tables a file of a format has: all but those a later migration creates
    /// (exemptions arrived in format 2).
    static func kinds(inFormat version: Int) -> [EntityKind] {
        EntityKind.dependencyOrder.filter { kind in
            !migrations.contains { $0.version > version && $0.creates.contains(kind) }
        }
    }

    /// The table of a kind: its singular word.
    static func table(_ kind: EntityKind) -> String { kind.rawValue }

    /// The columns of a kind's table after `slot`, in the order records are read and written:
    /// one per field of its declaration (stored-only ones included), three for a period.
    static func columns(_ kind: EntityKind) -> [String] {
        var visitor = ColumnLister()
        return (try? kind.declaration.accept(&visitor)) ?? []
    }

    private struct ColumnLister: EntityVisitor {
        func visit<R: EntityRecord>(_ declaration: EntityDeclaration<R>) -> [String] {
            declaration.allFields.flatMap(SessionSchema.columns(of:))
        }
    }

    /// The column(s) of one field.
    static func columns<R>(of field: Field<R>) -> [String] {
        if case .period = field.access { return ["_first", "_last", "_years"].map { field.column + $0 } }
        return [field.column]
    }

    /// `"name"`, quoted for SQL (some column names — `for`, `end`, `by` — are SQL keywords).
    static func quoted(_ name: String) -> String { "\"\(name)\"" }

    /// Reads a kind's columns from a file of `format`; a column the format lacks reads as the
    /// value the migration that adds it gives old rows.
    /// With `slots`, only the rows of those slots.
    static func selectSQL(_ kind: EntityKind, format: Int = currentVersion, slots: Range<Int>? = nil) -> String {
        let added = migrations.filter { $0.version > format }.flatMap(\.adds).filter { $0.kind == kind }
        let columns = (["slot"] + columns(kind)).map { name in
            added.first { $0.column == name }?.oldValue ?? quoted(name)
        }.joined(separator: ", ")
        let range = slots.map { " WHERE \"slot\" >= \($0.lowerBound) AND \"slot\" < \($0.upperBound)" } ?? ""
        return "SELECT \(columns) FROM \(quoted(table(kind)))\(range) ORDER BY \"slot\""
    }

    static func insertSQL(_ kind: EntityKind) -> String { insertSQL(kind, verb: "INSERT") }

    /// How many rows ``batchInsertSQL(_:)`` inserts.
    static let batchRows = 64

    /// An insert of ``batchRows`` rows. `OR FAIL`, where the default is `OR ABORT`: a
    /// statement of many rows that may abort half-way makes SQLite keep a statement journal,
    /// a copy of every page the statement changes, to undo it. Under FAIL the rows before a
    /// failing one stay, which changes nothing here: any failure rolls back the transaction.
    static func batchInsertSQL(_ kind: EntityKind) -> String {
        insertSQL(kind, verb: "INSERT OR FAIL", rows: batchRows)
    }

    private static func insertSQL(_ kind: EntityKind, verb: String, rows: Int = 1) -> String {
        let names = ["slot"] + columns(kind)
        let marks = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
        let values = Array(repeating: marks, count: rows).joined(separator: ", ")
        return "\(verb) INTO \(quoted(table(kind))) (\(names.map(quoted).joined(separator: ", "))) VALUES \(values)"
    }

    /// An insert that replaces the row in the slot, and any row holding the same id or key.
    static func replaceSQL(_ kind: EntityKind) -> String { insertSQL(kind, verb: "INSERT OR REPLACE") }

    static func updateSQL(_ kind: EntityKind) -> String {
        let sets = columns(kind).map { "\(quoted($0)) = ?" }.joined(separator: ", ")
        return "UPDATE \(quoted(table(kind))) SET \(sets) WHERE \"slot\" = ?"
    }

    static func deleteSQL(_ kind: EntityKind) -> String {
        "DELETE FROM \(quoted(table(kind))) WHERE \"slot\" = ?"
    }

    // MARK: - Migrations (frozen)

    private static let v1 = """
        CREATE TABLE "meta" (
            "key" TEXT PRIMARY KEY NOT NULL,
            "value" TEXT NOT NULL
        );
        INSERT INTO "meta" ("key", "value") VALUES
            ('format_version', '1'),
            ('cts_version', ''),
            ('created', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        CREATE TABLE "unit" (
            "slot" INTEGER PRIMARY KEY,
            "id" TEXT NOT NULL,
            "name" TEXT NOT NULL,
            "kind" TEXT NOT NULL,
            "level" TEXT NOT NULL,
            "parent" INTEGER REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED
        );
        CREATE UNIQUE INDEX "unit_id" ON "unit" ("id");
        CREATE INDEX "unit_parent" ON "unit" ("parent");
        CREATE TABLE "cadre" (
            "slot" INTEGER PRIMARY KEY,
            "id" TEXT NOT NULL,
            "name" TEXT NOT NULL,
            "unit" INTEGER NOT NULL REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "rank" TEXT NOT NULL,
            "category" TEXT NOT NULL,
            "born" INTEGER,
            "status" TEXT NOT NULL
        );
        CREATE UNIQUE INDEX "cadre_id" ON "cadre" ("id");
        CREATE INDEX "cadre_unit" ON "cadre" ("unit");
        CREATE TABLE "course" (
            "slot" INTEGER PRIMARY KEY,
            "id" TEXT NOT NULL,
            "title" TEXT NOT NULL,
            "kind" TEXT NOT NULL,
            "provider" INTEGER NOT NULL REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "organizer" INTEGER REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "start" TEXT NOT NULL,
            "end" TEXT NOT NULL,
            "hours" REAL NOT NULL,
            "capacity" INTEGER
        );
        CREATE UNIQUE INDEX "course_id" ON "course" ("id");
        CREATE INDEX "course_provider" ON "course" ("provider");
        CREATE INDEX "course_organizer" ON "course" ("organizer");
        CREATE TABLE "enrollment" (
            "slot" INTEGER PRIMARY KEY,
            "cadre" INTEGER NOT NULL REFERENCES "cadre" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "course" INTEGER NOT NULL REFERENCES "course" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "status" TEXT NOT NULL,
            "hours" REAL,
            "date" TEXT
        );
        CREATE UNIQUE INDEX "enrollment_cadre_course" ON "enrollment" ("cadre", "course");
        CREATE INDEX "enrollment_course" ON "enrollment" ("course");
        CREATE TABLE "rule" (
            "slot" INTEGER PRIMARY KEY,
            "id" TEXT NOT NULL,
            "title" TEXT NOT NULL,
            "for" TEXT NOT NULL,
            "period_first" TEXT NOT NULL,
            "period_last" TEXT NOT NULL,
            "period_years" INTEGER NOT NULL,
            "hours" REAL NOT NULL,
            "kinds" TEXT
        );
        CREATE UNIQUE INDEX "rule_id" ON "rule" ("id");
        CREATE TABLE "budget" (
            "slot" INTEGER PRIMARY KEY,
            "unit" INTEGER NOT NULL REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "year" INTEGER NOT NULL,
            "funds" REAL NOT NULL,
            "revenue" REAL NOT NULL,
            "spent" REAL
        );
        CREATE UNIQUE INDEX "budget_unit_year" ON "budget" ("unit", "year");
        CREATE TABLE "plan" (
            "slot" INTEGER PRIMARY KEY,
            "unit" INTEGER NOT NULL REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "year" INTEGER NOT NULL,
            "participants" INTEGER NOT NULL,
            "hours" REAL NOT NULL
        );
        CREATE UNIQUE INDEX "plan_unit_year" ON "plan" ("unit", "year");
        CREATE TABLE "inspection" (
            "slot" INTEGER PRIMARY KEY,
            "id" TEXT NOT NULL,
            "by" INTEGER NOT NULL REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "unit" INTEGER NOT NULL REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "date" TEXT NOT NULL,
            "scope" TEXT
        );
        CREATE UNIQUE INDEX "inspection_id" ON "inspection" ("id");
        CREATE INDEX "inspection_by" ON "inspection" ("by");
        CREATE INDEX "inspection_unit" ON "inspection" ("unit");
        CREATE TABLE "finding" (
            "slot" INTEGER PRIMARY KEY,
            "id" TEXT NOT NULL,
            "inspection" INTEGER NOT NULL REFERENCES "inspection" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "text" TEXT NOT NULL,
            "severity" TEXT NOT NULL,
            "due" TEXT NOT NULL,
            "status" TEXT NOT NULL,
            "resolved" TEXT
        );
        CREATE UNIQUE INDEX "finding_id" ON "finding" ("id");
        CREATE INDEX "finding_inspection" ON "finding" ("inspection");
        CREATE TABLE "practice" (
            "slot" INTEGER PRIMARY KEY,
            "id" TEXT NOT NULL,
            "unit" INTEGER NOT NULL REFERENCES "unit" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "text" TEXT NOT NULL,
            "year" INTEGER NOT NULL,
            "promoted" INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX "practice_id" ON "practice" ("id");
        CREATE INDEX "practice_unit" ON "practice" ("unit");
        """

    private static let v2 = """
        CREATE TABLE "exemption" (
            "slot" INTEGER PRIMARY KEY,
            "cadre" INTEGER NOT NULL REFERENCES "cadre" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "rule" INTEGER NOT NULL REFERENCES "rule" ("slot") DEFERRABLE INITIALLY DEFERRED,
            "reason" TEXT NOT NULL
        );
        CREATE UNIQUE INDEX "exemption_cadre_rule" ON "exemption" ("cadre", "rule");
        CREATE INDEX "exemption_rule" ON "exemption" ("rule");
        INSERT INTO "meta" ("key", "value") VALUES ('last_saved', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        """

    /// A course keeps the day-hours it was entered with (older files: the standard 7.5).
    private static let v3 = """
        ALTER TABLE "course" ADD COLUMN "day_hours" REAL NOT NULL DEFAULT 7.5;
        """

    /// Every table of format 3, made STRICT: SQLite then refuses text in a number column, a
    /// fraction in an integer one, a blob anywhere, from cts and from any other program.
    private static let v4StrictTables = [
        "meta", "unit", "cadre", "course", "enrollment", "rule", "exemption", "budget", "plan", "inspection",
        "finding", "practice",
    ]

    /// For readers of the file (sqlite3, pandas, BI tools): a view per collection with ids in
    /// place of slots and no SQL keyword as a column name, in list order, and the enum words
    /// with their order, to sort by. Nothing cts reads; the tables stay as they were.
    private static let v5 = """
        CREATE TABLE "enum_value" (
            "vocabulary" TEXT NOT NULL,
            "value" TEXT NOT NULL,
            "position" INTEGER NOT NULL,
            PRIMARY KEY ("vocabulary", "value")
        ) STRICT, WITHOUT ROWID;
        INSERT INTO "enum_value" ("vocabulary", "value", "position") VALUES
        ('unit_kind', 'locality', 0), ('unit_kind', 'department', 1), ('unit_kind', 'organization', 2), ('unit_kind', 'institution', 3), ('unit_kind', 'workplace', 4), ('unit_kind', 'leading-group', 5),
        ('level', 'central', 0), ('level', 'province', 1), ('level', 'city', 2), ('level', 'county', 3), ('level', 'township', 4),
        ('rank', 'staff', 0), ('rank', 'township', 1), ('rank', 'county', 2), ('rank', 'bureau', 3), ('rank', 'province', 4), ('rank', 'national', 5),
        ('category', 'leading', 0), ('category', 'civil-servant', 1), ('category', 'enterprise', 2), ('category', 'technical', 3), ('category', 'grassroots', 4), ('category', 'trainer', 5),
        ('cadre_status', 'active', 0), ('cadre_status', 'left', 1),
        ('course_kind', 'off-job', 0), ('course_kind', 'rotation', 1), ('course_kind', 'short-term', 2), ('course_kind', 'lecture', 3), ('course_kind', 'report', 4), ('course_kind', 'online', 5), ('course_kind', 'overseas', 6), ('course_kind', 'practice', 7),
        ('enrollment_status', 'enrolled', 0), ('enrollment_status', 'completed', 1), ('enrollment_status', 'absent', 2), ('enrollment_status', 'withdrawn', 3),
        ('severity', 'low', 0), ('severity', 'medium', 1), ('severity', 'high', 2),
        ('finding_status', 'open', 0), ('finding_status', 'resolved', 1);
        CREATE VIEW "units_v" AS
            SELECT u."id", u."name", u."kind", u."level", p."id" AS "parent"
            FROM "unit" u LEFT JOIN "unit" p ON p."slot" = u."parent"
            ORDER BY u."slot";
        CREATE VIEW "cadres_v" AS
            SELECT c."id", c."name", u."id" AS "unit", c."rank", c."category", c."born", c."status"
            FROM "cadre" c JOIN "unit" u ON u."slot" = c."unit"
            ORDER BY c."slot";
        CREATE VIEW "courses_v" AS
            SELECT k."id", k."title", k."kind", p."id" AS "provider", o."id" AS "organizer",
                k."start" AS "start_date", k."end" AS "end_date", k."hours", k."capacity", k."day_hours"
            FROM "course" k JOIN "unit" p ON p."slot" = k."provider" LEFT JOIN "unit" o ON o."slot" = k."organizer"
            ORDER BY k."slot";
        CREATE VIEW "enrollments_v" AS
            SELECT c."id" AS "cadre", k."id" AS "course", e."status", e."hours", e."date"
            FROM "enrollment" e JOIN "cadre" c ON c."slot" = e."cadre" JOIN "course" k ON k."slot" = e."course"
            ORDER BY e."slot";
        CREATE VIEW "rules_v" AS
            SELECT r."id", r."title", r."for" AS "applies_to", r."period_first", r."period_last",
                r."period_years", r."hours", r."kinds"
            FROM "rule" r
            ORDER BY r."slot";
        CREATE VIEW "exemptions_v" AS
            SELECT c."id" AS "cadre", r."id" AS "rule", x."reason"
            FROM "exemption" x JOIN "cadre" c ON c."slot" = x."cadre" JOIN "rule" r ON r."slot" = x."rule"
            ORDER BY x."slot";
        CREATE VIEW "budgets_v" AS
            SELECT u."id" AS "unit", b."year", b."funds", b."revenue", b."spent"
            FROM "budget" b JOIN "unit" u ON u."slot" = b."unit"
            ORDER BY b."slot";
        CREATE VIEW "plans_v" AS
            SELECT u."id" AS "unit", p."year", p."participants", p."hours"
            FROM "plan" p JOIN "unit" u ON u."slot" = p."unit"
            ORDER BY p."slot";
        CREATE VIEW "inspections_v" AS
            SELECT i."id", b."id" AS "inspecting_unit", u."id" AS "unit", i."date", i."scope"
            FROM "inspection" i JOIN "unit" b ON b."slot" = i."by" JOIN "unit" u ON u."slot" = i."unit"
            ORDER BY i."slot";
        CREATE VIEW "findings_v" AS
            SELECT f."id", i."id" AS "inspection", f."text", f."severity", f."due", f."status", f."resolved"
            FROM "finding" f JOIN "inspection" i ON i."slot" = f."inspection"
            ORDER BY f."slot";
        CREATE VIEW "practices_v" AS
            SELECT p."id", u."id" AS "unit", p."text", p."year", p."promoted"
            FROM "practice" p JOIN "unit" u ON u."slot" = p."unit"
            ORDER BY p."slot";
        """
}
