import Foundation

/// Drives `cts` at a real terminal: a detached tmux session on its own server socket, keys
/// sent with `send-keys`, the screen read with `capture-pane`. Used by the interactive tests.
final class TmuxSession {
    let socket: String
    let home: URL
    private(set) var started = false

    /// A fresh home directory (history, rc file, state) for each session unless one is given.
    init(home: URL? = nil) throws {
        socket = "cts-test-\(UUID().uuidString.prefix(8))"
        if let home {
            self.home = home
        } else {
            self.home = FileManager.default.temporaryDirectory.appendingPathComponent("cts-home-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: self.home, withIntermediateDirectories: true)
        }
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }

    /// Starts cts with `arguments` in a terminal of `size` (columns x rows), 200x40 by default,
    /// in `directory` if one is given.
    func start(
        _ arguments: [String] = [], environment: [String: String] = [:], size: (columns: Int, rows: Int) = (200, 40),
        directory: URL? = nil
    ) throws {
        var env = [
            "HOME": home.path, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
        ]
        env.merge(environment) { $1 }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command =
            "env -i PATH=/usr/bin:/bin \(exports) \(Self.quote(ctsBinary().path)) "
            + arguments.map(Self.quote).joined(separator: " ")
        // The server must not inherit a pipe of ours, or reading our pipe would never end.
        let folder = directory.map { ["-c", $0.path] } ?? []
        try tmux(
            ["new-session", "-d", "-x", "\(size.columns)", "-y", "\(size.rows)"] + folder + [command], capture: false)
        try tmux(["set-option", "-g", "remain-on-exit", "on"], capture: false)
        started = true
    }

    /// Types literal text.
    func type(_ text: String) throws { try tmux(["send-keys", "-l", text], capture: false) }

    /// Presses keys by tmux name: Enter, Tab, Up, C-c, C-d, C-r, Left, Home, ...
    func press(_ keys: String...) throws { try tmux(["send-keys"] + keys, capture: false) }

    /// The visible screen, trailing blank lines dropped.
    func screen(escapes: Bool = false) throws -> String {
        var text = try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []))
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }

    /// Waits until the screen satisfies `condition` (up to `timeout` seconds); returns the screen.
    @discardableResult
    func waitFor(_ timeout: Double = 30, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        return last
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 30) throws -> String {
        try waitFor(timeout) { $0.contains(text) }
    }

    /// Whether cts has exited.
    func exited() throws -> Bool {
        (try tmux(["display-message", "-p", "#{pane_dead}"])).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    func stop() {
        if started { _ = try? tmux(["kill-server"], capture: false) }
        started = false
    }

    deinit { stop() }

    /// Runs a tmux client with posix_spawn and waitpid. (Foundation's Process can wait forever
    /// here: the server tmux forks off lives on after the client exits.)
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var fds: [Int32] = [-1, -1]
        if capture { guard pipe(&fds) == 0 else { throw TmuxError.spawn } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        // The tmux server (and so cts) must not inherit this process's blocked signals.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        if capture { close(fds[1]) }
        guard status == 0 else {
            if capture { close(fds[0]) }
            throw TmuxError.spawn
        }
        var output = Data()
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
            close(fds[0])
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    enum TmuxError: Error { case spawn }

    static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
