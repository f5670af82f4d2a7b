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
/// A name is not the file: a hard link reaches the same file by another name, and so another
/// `FILE.lock`. ``lockFile(_:)`` also flocks the session file itself, once it exists. (SQLite's
/// own locks on it are `fcntl` byte-range locks, which on Linux are apart from flocks.)
///
///     let lock = try FileLock.acquire(for: "jiangsu.ctsdb")   // or .locked(pid: 4242)
///     defer { lock.release() }
final class FileLock {
    /// The lock file's path (`FILE.lock`).
    let path: String
    private var descriptor: Int32
    /// The session file itself, flocked (``lockFile(_:)``); -1 until then.
    private var fileDescriptor: Int32 = -1

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

    /// Locks the session file itself, however it is named (a hard link, a symbolic link), or
    /// fails with `.locked(pid:)` naming the cts that has it open under another name. Called
    /// again, for a file put in its place by a rename, it moves the lock to that file.
    func lockFile(_ file: String) throws(StoreError) {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.io, "cannot lock \(file): \(errnoText())") }
        // A flock lasts while any copy of its descriptor is open: a child this process forks
        // holds one until it execs (O_CLOEXEC closes it then), so a lock just released may
        // still be held for a moment. Try again for a little while before calling it taken.
        var tries = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 && (errno == EWOULDBLOCK || errno == EAGAIN) && tries < 20 {
            tries += 1
            usleep(10_000)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            var info = stat()
            let pid = fstat(fd, &info) == 0 ? Self.flockHolder(of: info) : 0
            close(fd)
            guard code == EWOULDBLOCK || code == EAGAIN else {
                throw StoreError(.io, "cannot lock \(file): \(String(cString: strerror(code)))")
            }
            throw Self.lockedError(file, pid: pid)
        }
        if fileDescriptor >= 0 { close(fileDescriptor) }
        fileDescriptor = fd
    }

    /// Deletes the lock file, then lets go of the lock (in that order, so no one can lock a
    /// file that is about to disappear). Safe to call twice.
    func release() {
        if fileDescriptor >= 0 { close(fileDescriptor) }
        fileDescriptor = -1
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    /// The pid of the process holding a flock on the file `info` describes, from the
    /// kernel's list (`/proc/locks`: `1: FLOCK  ADVISORY  WRITE 4242 08:01:1234567 0 EOF`,
    /// the device as hexadecimal major:minor); 0 if it is not found there.
    static func flockHolder(of info: stat) -> Int32 {
        guard let file = fopen("/proc/locks", "r") else { return 0 }
        defer { fclose(file) }
        let device = UInt64(info.st_dev)
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff)
        let minor = (device & 0xff) | ((device >> 12) & ~0xff)
        func hex(_ n: UInt64) -> String {
            let digits = String(n, radix: 16)
            return digits.count < 2 ? "0" + digits : digits
        }
        let wanted = "\(hex(major)):\(hex(minor)):\(UInt64(info.st_ino))"
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), file) != nil {
            let bytes = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            let fields = String(decoding: bytes, as: UTF8.self).split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == wanted[...] else { continue }
            return Int32(fields[4]) ?? 0
        }
        return 0
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
