#if canImport(Glibc)
    import Glibc
#endif

/// The history of commands typed at the prompt, kept in a file between sessions.
///
/// The file is `$XDG_STATE_HOME/cts/history` (default `~/.local/state/cts/history`), created
/// with its directory and readable by its owner only (commands name people). One entry a
/// line; a command of several lines is one entry, its newlines written `\n` and backslashes
/// `\\`. It keeps the last 10,000 entries, drops an entry equal to the one before it, and
/// keeps nothing when `CTS_HISTORY=off` (for a workshop projector).
public final class History {
    public static let limit = 10_000
    public private(set) var entries: [String] = []
    /// The file, or nil when history is not kept.
    public let path: String?

    public init(path: String?) {
        self.path = path
        if let path, case .success(let text) = Files.read(path) {
            entries = text.split(separator: "\n").map { Self.decode(String($0)) }
            if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
        }
    }

    /// The history file named by the environment, or nil when CTS_HISTORY=off.
    public static func defaultPath(environment: [String: String]) -> String? {
        if environment["CTS_HISTORY"]?.lowercased() == "off" { return nil }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/cts/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/cts/history"
    }

    /// Adds a complete command; returns false when it was not added (blank, or a repeat).
    @discardableResult
    public func add(_ entry: String) -> Bool {
        guard !entry.allSatisfy(\.isWhitespace), entry != entries.last else { return false }
        entries.append(entry)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
        save()
        return true
    }

    /// Writes the file whole, through a temporary file and a rename, so it is never half-written.
    private func save() {
        guard let path else { return }
        let directory = Files.directory(of: path)
        Files.makeDirectories(directory)
        let temporary = path + ".tmp\(getpid())"
        let text = entries.map(Self.encode).joined(separator: "\n") + "\n"
        if Files.write(text, to: temporary, append: false) == nil {
            chmod(temporary, 0o600)
            rename(temporary, path)
        } else {
            unlink(temporary)
        }
    }

    static func encode(_ entry: String) -> String {
        var out = ""
        for ch in entry {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for ch in line {
            if escaped {
                out.append(ch == "n" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
