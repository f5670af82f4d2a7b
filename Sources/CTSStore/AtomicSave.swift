import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a new file in place of an old one so that a crash or kill at any instant leaves one
/// of the two: the content goes into a temporary file beside the target (mode 0600, no journal:
/// nobody else sees it), which is synced, renamed over the target, and the directory synced.
///
///     try AtomicSave.write(to: "jiangsu.ctsdb") { db in try Migrator.migrate(db); ... }
enum AtomicSave {
    /// Replaces the file at `path` (named `name` in messages) with what `fill` writes into a
    /// new database.
    static func write(to path: String, name: String, _ fill: (Database) throws -> Void) throws(StoreError) {
        var temp = FileSystem.temporaryPath(beside: path)
        var attempts = 0
        while true {
            do {
                try FileSystem.createPrivateFile(temp)
                break
            } catch {
                attempts += 1
                if attempts >= 5 { throw StoreError(.io, "cannot save \(name): \(error.message)") }
                temp = FileSystem.temporaryPath(beside: path)
            }
        }
        do {
            var configuration = Configuration()
            // The new file is filled from a session, whose references all name records (the
            // session refuses any change that would leave one dangling): checking each row's
            // references again would only cost a b-tree search per reference. The file, once
            // renamed into place, is opened with foreign keys on like every session file.
            configuration.foreignKeysEnabled = false
            configuration.label = "cts save \(path)"
            let queue = try DatabaseQueue(path: temp, configuration: configuration)
            do {
                try queue.inDatabase { db in
                    try db.execute(sql: "PRAGMA journal_mode = OFF")
                    try db.execute(sql: "PRAGMA synchronous = OFF")
                    try fill(db)
                }
                try queue.close()
            } catch {
                try? queue.close()
                throw error
            }
            try FileSystem.sync(temp)
            guard rename(temp, path) == 0 else { throw StoreError(.io, "cannot save \(name): \(errnoText())") }
            FileSystem.syncDirectory(FileSystem.directory(of: path))
        } catch {
            unlink(temp)
            throw SQLiteBackend.storeError(error, name, doing: "save")
        }
    }
}
