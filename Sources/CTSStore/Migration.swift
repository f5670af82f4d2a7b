/// One step from a session file format to the next: a name, the version it brings the file to,
/// and the SQL that does it. Migrations are never edited once released; a change of format is
/// a new migration at the end of ``SessionSchema/migrations``.
///
///     Migration(version: 2, name: "v2-exemptions-last-saved", sql: "CREATE TABLE exemption (...)")
struct Migration: Sendable {
    /// The format version the file has after this migration (`PRAGMA user_version`).
    let version: Int
    /// Recorded in `schema_migrations` when the migration is applied.
    let name: String
    /// One or more SQL statements, run inside the migrating transaction.
    let sql: String
}
