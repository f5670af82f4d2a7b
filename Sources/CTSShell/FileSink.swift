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
///     guard case .success(var file) = FileSink.open("e.json", append: false) else { … }
///     Renderer.write(table, "json", to: &file)
///     if let error = file.close() { … }
struct FileSink: TextOutputStream {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private var error: Int32?
    /// Written before the first text that is not empty (a line break to end a file's last
    /// line before appending), and never when nothing is written.
    var prefix = ""

    private init(path: String, fd: Int32, capacity: Int) {
        self.path = path
        self.fd = fd
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Opens `path` for writing: replaced, or appended to when `append` is true.
    static func open(_ path: String, append: Bool, capacity: Int = 1 << 16) -> Result<FileSink, FileError> {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o600)
        guard fd >= 0 else { return .failure(FileError(path: path, errno: errno)) }
        return .success(FileSink(path: path, fd: fd, capacity: capacity))
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
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                error = n < 0 ? errno : EIO
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes out the rest and closes the file; the error of the first write that failed, if any.
    mutating func close() -> FileError? {
        flush()
        if Glibc.close(fd) != 0 && error == nil { error = errno }
        return error.map { FileError(path: path, errno: $0) }
    }
}
