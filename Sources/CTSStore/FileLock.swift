#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that keeps two cts from working on one session file: `FILE.lock` beside it (mode
/// 0600), held with `flock(LOCK_EX | LOCK_NB)` and holding the owner's pid as text.
///
/// The kernel drops a flock when its holder exits, however it exits, so `kill -9` leaves no
/// stale lock: a leftover `FILE.lock` file is simply locked again. flock locks belong to an open
/// file description, so a second `acquire` in the same process fails too.
///
///     let lock = try FileLock.acquire(for: "jiangsu.ctsdb")   // or .locked(pid: 4242)
///     defer { lock.release() }
final class FileLock {
    /// The lock file's path (`FILE.lock`).
    let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// `FILE.lock` beside the real file (symbolic links resolved), so that every path to
    /// the file finds the same lock.
    static func lockPath(for file: String) -> String { FileSystem.resolved(file) + ".lock" }

    /// Takes the lock of `file`, or fails with `.locked(pid:)` naming the holder.
    static func acquire(for file: String) throws(StoreError) -> FileLock {
        let path = lockPath(for: file)
        // A holder that releases the lock unlinks the lock file first; if we opened the old
        // file just before that, we locked a file no one else will see: open again.
        for _ in 0..<20 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw StoreError(.io, "cannot create the lock file \(path): \(errnoText())")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                guard code == EWOULDBLOCK || code == EAGAIN else {
                    close(fd)
                    throw StoreError(.io, "cannot lock \(path): \(String(cString: strerror(code)))")
                }
                let pid = holder(fd)
                close(fd)
                throw lockedError(file, pid: pid)
            }
            var opened = stat(), current = stat()
            guard fstat(fd, &opened) == 0, stat(path, &current) == 0,
                opened.st_dev == current.st_dev, opened.st_ino == current.st_ino
            else {
                close(fd)
                continue
            }
            _ = fchmod(fd, 0o600)
            let text = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return FileLock(path: path, descriptor: fd)
        }
        throw StoreError(.io, "cannot lock \(path): it keeps being replaced")
    }

    /// Deletes the lock file, then lets go of the lock (in that order, so no one can lock a
    /// file that is about to disappear). Safe to call twice.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    static func lockedError(_ file: String, pid: Int32) -> StoreError {
        if pid == getpid() {
            return StoreError(.locked(pid: pid), "\(file) is already open in this cts (pid \(pid))")
        }
        if pid <= 0 {
            return StoreError(.locked(pid: pid), "\(file) is in use by another cts")
        }
        return StoreError(.locked(pid: pid), "\(file) is in use by another cts (pid \(pid))")
    }

    /// The pid written in a lock file by its holder; 0 if it has not written it yet.
    private static func holder(_ fd: Int32) -> Int32 {
        for attempt in 0..<20 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                let digits = buffer[0..<n].prefix { $0 >= 48 && $0 <= 57 }
                if let pid = Int32(String(decoding: digits, as: UTF8.self)), pid > 0 { return pid }
            }
            if attempt < 19 { usleep(5_000) }
        }
        return 0
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }
