#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CTSDomain
import CTSLanguage
import CTSOutput

/// The few facts about the process's terminal and clock the shell needs. All process I/O of
/// cts goes through here and `OutputSink`.
public enum Terminal {
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// The terminal's width in columns when `fd` is a terminal that knows it, else nil.
    public static func columns(_ fd: Int32) -> Int? {
        var size = winsize()
        guard isatty(fd) != 0, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The terminal's height in lines when `fd` is a terminal that knows it, else nil: a
    /// result longer than this goes through the pager.
    public static func rows(_ fd: Int32) -> Int? {
        var size = winsize()
        guard isatty(fd) != 0, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// Takes the locale from the environment, but always with UTF-8 characters (cts works in
    /// UTF-8 only): libedit reads and shows characters through LC_CTYPE, and under LC_ALL=C,
    /// or with no locale set at all, it drops every non-ASCII one (`echo 张敏` ran as `echo`).
    public static func useLocaleWithUTF8() {
        setlocale(LC_ALL, "")
        guard !charactersAreUTF8 else { return }
        // C.UTF-8 is built into glibc 2.35 and later; the others for older or other systems.
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            return
        }
    }

    /// Whether the current LC_CTYPE encodes characters as UTF-8.
    static var charactersAreUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset).lowercased().filter { $0 != "-" } == "utf8"
    }

    /// Whether colour may be used on a stream: a terminal, and NO_COLOR unset (no-color.org).
    public static func wantsColor(_ fd: Int32) -> Bool {
        isTerminal(fd) && getenv("NO_COLOR") == nil && getenv("TERM").map { String(cString: $0) } != "dumb"
    }

    /// The local date today.
    public static func today() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? Day(daysSinceEpoch: 0)
    }
}

/// Where text goes: standard output, standard error, or (in tests) a buffer.
///
/// A write that fails (a full disk, a closed pipe) is remembered, not ignored: the runner asks
/// for ``writeError`` after each command and reports it. After a failure nothing more is
/// written, since the stream is broken and what follows would be out of place anyway.
public final class OutputSink {
    private let write: (String) -> Int32?
    public let isTerminal: Bool
    /// The errno of the first write that failed, if one has.
    public private(set) var writeError: Int32?

    public init(isTerminal: Bool = false, write: @escaping (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = { text in
            write(text)
            return nil
        }
    }

    /// A sink whose `write` returns the errno when it fails.
    public init(isTerminal: Bool = false, failableWrite: @escaping (String) -> Int32?) {
        self.isTerminal = isTerminal
        write = failableWrite
    }

    public static func standard(_ fd: Int32) -> OutputSink {
        OutputSink(isTerminal: Terminal.isTerminal(fd), failableWrite: { text in Files.writeAll(text, to: fd) })
    }

    /// Writes `text` as a line. At a terminal it is escaped first (``TerminalText``: its lines
    /// and tabs kept), since confirmations and messages quote names, ids and paths from data;
    /// to a file or a pipe it is exact. Text with escape codes of cts's own goes by ``raw(_:)``.
    public func print(_ text: String) { self.text(text.hasSuffix("\n") ? text : text + "\n") }

    /// Writes `text` as it is to a file or a pipe, escaped at a terminal (see ``print(_:)``).
    public func text(_ text: String) { raw(isTerminal ? TerminalText.escapedLines(text) : text) }

    public func raw(_ text: String) {
        guard writeError == nil, !text.isEmpty else { return }
        writeError = write(text)
    }
}

/// Reading and writing files for scripts: includes and redirections.
enum Files {
    /// The whole file as UTF-8 text (invalid bytes replaced), or an error message.
    static func read(_ path: String) -> Result<String, FileError> {
        readBytes(path, allowStreams: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The most a script (a file named on the command line, an include, standard input) may
    /// hold: locations count its bytes in 32 bits (``SourceLocation``). A long script is read
    /// as it is run (``ScriptReader``), so this does not bound memory; 4 GiB is some 60
    /// million lines of commands.
    static let maxScriptBytes = SourceLocation.maxSourceBytes

    /// The bytes of a whole file, at most `maxScriptBytes` of them.
    ///
    /// Only regular files are read, unless `allowStreams` also lets pipes through (a script
    /// given as `cts <(generate)`): a directory, a device such as /dev/zero or a socket is an
    /// error, so that cts never tries to hold an endless stream.
    static func readBytes(_ path: String, allowStreams: Bool, limit: Int = maxScriptBytes) -> Result<[UInt8], FileError>
    {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(FileError(path: path, errno: errno)) }
        defer { close(fd) }
        if let problem = notReadable(fd, allowStreams: allowStreams, limit: limit) {
            return .failure(FileError(path: path, problem))
        }
        // Blocking reads from here (O_NONBLOCK only kept opening a FIFO from waiting for a writer).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(FileError(path: path, errno: errno)) }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > limit { return .failure(FileError(path: path, tooLarge(limit))) }
        }
        return .success(bytes)
    }

    /// Why an open file is not one cts reads (see `readBytes`), or nil.
    static func notReadable(_ fd: Int32, allowStreams: Bool, limit: Int?) -> String? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return String(cString: strerror(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if let limit, Int(info.st_size) > limit { return tooLarge(limit) }
            return nil
        case S_IFIFO where allowStreams:
            return nil
        case S_IFDIR:
            return "it is a directory"
        case S_IFCHR, S_IFBLK:
            return "it is a device, not a regular file"
        case S_IFIFO:
            return "it is a pipe, not a regular file"
        default:
            return "it is not a regular file"
        }
    }

    static func tooLarge(_ limit: Int) -> String {
        // 4 GiB less a byte is the most locations can count: said as 4 GiB.
        let gib = limit >= 1 << 30 ? [limit, limit + 1].first { $0 % (1 << 30) == 0 } : nil
        let size = gib.map { "\($0 >> 30) GiB" } ?? "\(limit) bytes"
        return "it is larger than \(size), the most a script may hold"
    }

    /// Writes text to a file created readable by its owner only (it may hold personal data).
    static func write(_ text: String, to path: String, append: Bool) -> FileError? {
        let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else { return FileError(path: path, errno: errno) }
        defer { close(fd) }
        return writeAll(text, to: fd).map { FileError(path: path, errno: $0) }
    }

    /// Writes all of `text` to a file descriptor, going on after interruptions; the errno
    /// when it fails.
    static func writeAll(_ text: String, to fd: Int32) -> Int32? {
        ProgressBar.eraseBeforeOutput()
        return writeAll(Array(text.utf8), to: fd)
    }

    /// Writes all of `bytes` to `fd`, through short writes and interruptions; the errno of a
    /// write that failed, or nil.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n < 0 ? errno : EIO }
            offset += n
        }
        return nil
    }

    /// The canonical absolute path (for include cycle detection), or the path itself.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The directory part of a path ("." for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `relative` resolved against `directory` unless it is absolute.
    static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || directory == "." { return relative }
        return directory + "/" + relative
    }

    static func isTerminalInput() -> Bool { isatty(STDIN_FILENO) != 0 }

    /// Creates a directory and its parents, readable by the owner only.
    static func makeDirectories(_ path: String) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o700)
        }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

struct FileError: Error {
    let path: String
    let errno: Int32
    /// What is wrong when it is not a system error (a device, a file too large).
    var problem: String?

    init(path: String, errno: Int32) {
        self.path = path
        self.errno = errno
    }

    init(path: String, _ problem: String) {
        self.path = path
        self.errno = 0
        self.problem = problem
    }

    var reason: String { problem ?? String(cString: strerror(errno)) }
}
