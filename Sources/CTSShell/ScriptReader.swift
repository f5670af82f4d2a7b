#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CTSLanguage

/// A script file, or standard input, read a chunk at a time: a long script is parsed as it
/// is read (``StreamParser``), so it is never in memory whole.
///
/// A short one is still read whole (``readWhole(upTo:)``): most scripts, includes and pipes
/// are a few lines, and a parser over all of the text needs no thread. What goes wrong while
/// reading is kept in ``error`` for the runner to report once parsing has stopped.
///
///     guard case .success(let reader) = ScriptReader.open(path, allowStreams: true) else { … }
///     if let bytes = reader.readWhole(upTo: 64 * 1024) { parse(bytes) } else { stream { reader.next() } }
public final class ScriptReader: @unchecked Sendable {
    // Unchecked: after `open`, one thread at a time reads (the parser's), and the runner looks
    // at `error` only once that thread has been joined.
    public let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// The size of a regular file (how far a run has got is shown against it); nil for a pipe.
    public let size: Int?
    /// What ``readWhole(upTo:)`` read before it found the text longer: the first chunk.
    private var head: [UInt8]?
    private var total = 0
    /// Why reading stopped before the end, if it did.
    private(set) var error: FileError?

    static let chunkBytes = 1 << 16

    private init(path: String, fd: Int32, ownsDescriptor: Bool, size: Int?) {
        self.path = path
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        self.size = size
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Opens a script; only a regular file, or a pipe when `allowStreams` (see ``Files/readBytes``).
    static func open(_ path: String, allowStreams: Bool) -> Result<ScriptReader, FileError> {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(FileError(path: path, errno: errno)) }
        if let problem = Files.notReadable(fd, allowStreams: allowStreams, limit: Files.maxScriptBytes) {
            close(fd)
            return .failure(FileError(path: path, problem))
        }
        // Blocking reads from here (O_NONBLOCK only kept opening a FIFO from waiting for a writer).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var info = stat()
        let isRegular = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        return .success(
            ScriptReader(path: path, fd: fd, ownsDescriptor: true, size: isRegular ? Int(info.st_size) : nil))
    }

    /// Standard input, as a script piped in.
    public static func standardInput() -> ScriptReader {
        ScriptReader(path: "<stdin>", fd: STDIN_FILENO, ownsDescriptor: false, size: nil)
    }

    /// A script already in memory, read as standard input is (the fuzz target's inputs).
    public static func text(_ bytes: [UInt8]) -> ScriptReader {
        let reader = ScriptReader(path: "<stdin>", fd: -1, ownsDescriptor: false, size: bytes.count)
        reader.head = bytes.isEmpty ? nil : bytes
        return reader
    }

    /// All of the text when it holds at most `limit` bytes; otherwise nil, and ``next()``
    /// then gives the text from its start.
    func readWhole(upTo limit: Int) -> [UInt8]? {
        if let size, size > limit { return nil }
        var bytes: [UInt8] = []
        while let chunk = next() {
            bytes.append(contentsOf: chunk)
            if bytes.count > limit {
                head = bytes
                return nil
            }
        }
        return bytes
    }

    /// The next chunk of the text; nil at its end, or when reading failed (``error``) or the
    /// text passed the most a source may hold.
    public func next() -> [UInt8]? {
        if let head {
            self.head = nil
            return head
        }
        guard error == nil, fd >= 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: Self.chunkBytes)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { error = FileError(path: path, errno: errno) }
            if n <= 0 { return nil }
            total += n
            // Source locations count bytes in 32 bits (SourceLocation): a pipe may go on for ever.
            guard total <= Files.maxScriptBytes else {
                error = FileError(path: path, Files.tooLarge(Files.maxScriptBytes))
                return nil
            }
            buffer.removeLast(buffer.count - n)
            return buffer
        }
    }
}
