import CTSStore

#if canImport(Glibc)
    import Glibc
#endif

/// A file being written a piece at a time: the sink the renderers, `export` and `dump` write
/// to, so that a result of a million rows never becomes one string in memory.
///
/// Text is gathered in a buffer of `capacity` bytes and written with `write(2)` whenever the
/// buffer fills; memory stays at the buffer, whatever the size of the file. The first write
/// error is kept (and later writes dropped) for ``close()`` to return, so a renderer, which
/// cannot fail, need not check after every line. The file is created readable by its owner
/// only (it may hold personal data).
///
/// Nothing is half-written. A file that is replaced is written to a temporary file beside it,
/// which ``close()`` syncs and renames over the old one (as a save does): a kill at any
/// instant leaves the old file or the new, and a failed write leaves the old file as it was.
/// Appending writes to the file itself (the meaning of `>>`): a failed write cuts the file
/// back to its old length; a kill in the middle can leave part of the new rows at its end.
/// ``close()`` returns only when the text is on the disk, so the confirmation that follows
/// it is true. A device or pipe (`/dev/stdout`, a FIFO) is written in place.
///
///     guard case .success(var file) = FileSink.open("e.json", append: false) else { … }
///     Renderer.write(table, "json", to: &file)
///     if let error = file.close() { … }
struct FileSink: TextOutputStream {
    let path: String
    private let fd: Int32
    /// The temporary file being written and the real file it replaces (`path` with symbolic
    /// links resolved), renamed over it by ``close()``; nil when writing `path` itself
    /// (appending, or a device).
    private let temporary: (path: String, target: String)?
    /// The length of the file before appending: where a failed append cuts it back to.
    private let appendedAt: off_t?
    private var buffer: [UInt8] = []
    private let capacity: Int
    private var error: Int32?
    /// Written before the first text that is not empty (a line break to end a file's last
    /// line before appending), and never when nothing is written.
    var prefix = ""

    private init(
        path: String, fd: Int32, temporary: (path: String, target: String)? = nil, appendedAt: off_t? = nil,
        capacity: Int
    ) {
        self.path = path
        self.fd = fd
        self.temporary = temporary
        self.appendedAt = appendedAt
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// The name that means standard output (`dump "-"`, `export cadres to "-"`).
    static let standardOutput = "-"

    /// Opens `path` for writing: replaced, or appended to when `append` is true; `-` is
    /// standard output, written in place.
    static func open(_ path: String, append: Bool, capacity: Int = 1 << 16) -> Result<FileSink, FileError> {
        if path == standardOutput {
            let fd = dup(STDOUT_FILENO)
            guard fd >= 0 else { return .failure(FileError(path: path, errno: errno)) }
            return .success(FileSink(path: path, fd: fd, capacity: capacity))
        }
        var info = stat()
        let exists = stat(path, &info) == 0
        let regular = !exists || (info.st_mode & S_IFMT) == S_IFREG
        if append || !regular {
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : 0), 0o600)
            guard fd >= 0 else { return .failure(FileError(path: path, errno: errno)) }
            let length = regular ? lseek(fd, 0, SEEK_END) : -1
            return .success(FileSink(path: path, fd: fd, appendedAt: length >= 0 ? length : nil, capacity: capacity))
        }
        // The rename replaces the real file a symbolic link names, not the link; the old
        // file's permissions carry over, as they would had it been truncated.
        let target = FileSystem.resolved(path)
        for _ in 0..<5 {
            let temporary = FileSystem.temporaryPath(beside: target)
            let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 && errno == EEXIST { continue }
            guard fd >= 0 else { return .failure(FileError(path: path, errno: errno)) }
            if exists { _ = fchmod(fd, info.st_mode & 0o7777) }
            return .success(FileSink(path: path, fd: fd, temporary: (temporary, target), capacity: capacity))
        }
        return .failure(FileError(path: path, errno: EEXIST))
    }

    /// Gives up on the file: ``close()`` leaves the old file as it was (and returns `errno`),
    /// as when a write fails.
    mutating func abandon(errno: Int32) {
        if error == nil { error = errno }
    }

    /// Writes bytes that are not text (a zipped workbook).
    mutating func write(bytes: [UInt8]) {
        guard !bytes.isEmpty, error == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    mutating func write(_ text: String) {
        guard !text.isEmpty, error == nil else { return }
        if !prefix.isEmpty {
            buffer.append(contentsOf: prefix.utf8)
            prefix = ""
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    /// Writes out what is buffered.
    private mutating func flush() {
        guard error == nil, !buffer.isEmpty else { return }
        error = Files.writeAll(buffer, to: fd)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes out the rest, syncs and closes the file, and puts it in place; the error of the
    /// first write that failed, if any, with the old file (or its old length) left as it was.
    mutating func close() -> FileError? {
        flush()
        // A pipe or terminal cannot be synced (EINVAL); there is nothing to make durable.
        if error == nil, fsync(fd) != 0, errno != EINVAL { error = errno }
        if error != nil, let length = appendedAt { _ = ftruncate(fd, length) }
        if Glibc.close(fd) != 0 && error == nil { error = errno }
        if let temporary {
            if error == nil && rename(temporary.path, temporary.target) != 0 { error = errno }
            if error != nil {
                unlink(temporary.path)
            } else {
                FileSystem.syncDirectory(FileSystem.directory(of: temporary.target))
            }
        }
        return error.map { FileError(path: path, errno: $0) }
    }
}
