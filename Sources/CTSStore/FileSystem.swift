#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system operations the store needs, on POSIX calls so that modes, exclusive
/// creation and fsync are exactly what they say.
///
///     try FileSystem.createPrivateFile("jiangsu.ctsdb")   // O_EXCL, mode 0600
public enum FileSystem {
    /// The directory part of a path ("." for a bare file name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    public static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Fails with `.missingDirectory` unless the directory that holds (or would hold) `path` exists.
    static func checkDirectory(of path: String, creating: Bool) throws(StoreError) {
        let dir = directory(of: path)
        var info = stat()
        let verb = creating ? "create" : "open"
        guard stat(dir, &info) == 0 else {
            throw StoreError(.missingDirectory, "cannot \(verb) \(path): the directory \(dir) does not exist")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw StoreError(.missingDirectory, "cannot \(verb) \(path): \(dir) is not a directory")
        }
    }

    /// The path with symbolic links resolved (of the file if it exists, else of its directory),
    /// so that every spelling of one file shares its lock and a save replaces the real file.
    public static func resolved(_ path: String) -> String {
        if let real = realPath(path) { return real }
        if let dir = realPath(directory(of: path)) { return (dir == "/" ? "" : dir) + "/" + fileName(of: path) }
        return path
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    static func mode(_ path: String) -> UInt32? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt32(info.st_mode) & 0o7777 : nil
    }

    /// Whether the file has a journal left by a transaction that did not finish (a killed cts):
    /// SQLite rolls it back when the file is next opened for writing.
    static func hasHotJournal(_ path: String) -> Bool {
        let path = resolved(path)
        return (size(path + "-journal") ?? 0) > 0 || (size(path + "-wal") ?? 0) > 0
    }

    /// Whether two paths name the same file.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// Creates an empty file readable and writable by its owner only; fails if it exists.
    /// SQLite gives its journal files the mode of the database file, so they are 0600 too.
    static func createPrivateFile(_ path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError(.io, "cannot create \(path): \(errnoText())") }
        _ = fchmod(fd, 0o600)
        close(fd)
    }

    /// A fresh name beside `path` for a file that will be renamed over it.
    public static func temporaryPath(beside path: String) -> String {
        let dir = directory(of: path)
        let prefix = path.contains("/") ? dir + "/" : ""
        return "\(prefix).\(fileName(of: path)).saving-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Flushes a file's data to the disk.
    static func sync(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.io, "cannot sync \(path): \(errnoText())") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError(.io, "cannot sync \(path): \(errnoText())") }
    }

    /// Flushes a directory, so that a rename in it is on the disk.
    public static func syncDirectory(_ dir: String) {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
