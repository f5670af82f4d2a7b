/// Collects the SQL statements a store runs, for tests that check what was written (GRDB's
/// `GRDBTestCase` records SQL the same way). Only touched on the store's database queue.
final class SQLRecorder {
    var statements: [String] = []

    func append(_ sql: String) { statements.append(sql) }
}
