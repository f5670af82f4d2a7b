import Foundation
import Testing

/// `-q`/`--quiet` and `-v`/`--verbose`: the same as `set verbose off`/`on` before anything
/// runs (a `set verbose` in the rc file does not change it), and never both.
@Suite struct VerbosityFlagTests {
    static let commands = [
        "-c", "unit add js \"Jiangsu\" kind=locality level=province",
        "-c", "cadre add c1 \"Li Wei\" unit=js rank=county category=leading",
        "-c", "print count(cadres)",
    ]

    @Test func verboseIsSetVerboseOnFirst() throws {
        let scratch = try SessionScratch()
        let flag = try scratch.cts(["-v"] + Self.commands)
        let set = try scratch.cts(["-c", "set verbose on"] + Self.commands)
        #expect(flag.status == 0 && flag.err.isEmpty, "\(flag)")
        #expect(flag.out == "added unit js\nadded cadre c1\n1\n")
        // `set verbose on` confirms itself; the flag says nothing of itself.
        #expect("verbose is on\n" + flag.out == set.out)
        #expect(try scratch.cts("--verbose", "-c", "set").out.contains(" verbose   | on "))
    }

    @Test func quietIsSetVerboseOffFirst() throws {
        let scratch = try SessionScratch()
        let flag = try scratch.cts(["-q"] + Self.commands)
        let set = try scratch.cts(["-c", "set verbose off"] + Self.commands)
        #expect(flag.status == 0 && flag.err.isEmpty, "\(flag)")
        #expect(flag.out == "1\n")
        #expect(flag.out == set.out)
        #expect(try scratch.cts("--quiet", "-c", "set").out.contains(" verbose   | off "))
        // A later `set verbose on` still changes it, as after the command it stands for.
        let later = try scratch.cts(["-q", "-c", "set verbose on"] + Self.commands)
        #expect(later.out == "verbose is on\nadded unit js\nadded cadre c1\n1\n")
    }

    @Test func verboseAppliesToScriptFiles() throws {
        let scratch = try SessionScratch()
        try scratch.write("setup.cts", "unit add js \"Jiangsu\" kind=locality level=province\n")
        #expect(try scratch.cts("setup.cts").out == "")
        #expect(try scratch.cts("-v", "setup.cts").out == "added unit js\n")
    }

    @Test(arguments: [["-q", "-v"], ["--verbose", "--quiet"], ["-q", "--verbose", "-c", "print 1"]])
    func quietWithVerboseIsAUsageError(_ arguments: [String]) throws {
        let r = try SessionScratch().cts(arguments)
        #expect(r.status == 2, "\(r)")
        #expect(r.out.isEmpty)
        #expect(r.err.hasPrefix("cts: error: -q (--quiet) and -v (--verbose) cannot be used together\n"), "\(r)")
    }
}

/// At the prompt: what is typed is confirmed whatever verbose says; an included script's
/// lines only with verbose on. The flags win over the rc file.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct VerbosityFlagPromptTests {
    /// Starts cts with an rc file of `rc` (and with `-i`, a first script of `first`), includes
    /// a script that adds a unit, and returns the screen once it is done.
    func screenAfterInclude(rc: String, first: String? = nil, _ arguments: [String]) throws -> String {
        let tmux = try TmuxSession()
        defer { tmux.stop() }
        let config = tmux.home.appendingPathComponent("config/cts")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try rc.write(to: config.appendingPathComponent("ctsrc"), atomically: true, encoding: .utf8)
        let script = tmux.home.appendingPathComponent("setup.cts")
        try "unit add js \"Jiangsu\" kind=locality level=province\n".write(
            to: script, atomically: true, encoding: .utf8)
        var arguments = arguments
        if let first {
            let path = tmux.home.appendingPathComponent("first.cts")
            try first.write(to: path, atomically: true, encoding: .utf8)
            arguments += ["-i", path.path]
        }
        try tmux.start(arguments)
        try tmux.waitFor { $0.split(separator: "\n").last == "cts>" }
        try tmux.type("include \"\(script.path)\"; echo included")
        try tmux.press("Enter")
        // A line's confirmations come after its output, once it all succeeded: the screen is
        // complete when the prompt is back.
        return try tmux.waitFor { screen in
            let lines = screen.split(separator: "\n")
            return lines.contains("included") && lines.last == "cts>"
        }
    }

    @Test func quietWinsOverTheRcFile() throws {
        #expect(try screenAfterInclude(rc: "set verbose on\n", []).contains("added unit js"))
        #expect(!(try screenAfterInclude(rc: "set verbose on\n", ["-q"])).contains("added unit js"))
    }

    /// Only the rc file's `set verbose` is undone: a script of `-i`, which runs before it, is
    /// the user's own command.
    @Test func aScriptOfDashIStillChangesIt() throws {
        let screen = try screenAfterInclude(rc: "echo rc ran\n", first: "set verbose on\n", ["-q"])
        #expect(screen.contains("rc ran") && screen.contains("added unit js"), "\(screen)")
    }

    @Test func verboseWinsOverTheRcFile() throws {
        #expect(!(try screenAfterInclude(rc: "set verbose off\n", [])).contains("added unit js"))
        #expect(try screenAfterInclude(rc: "set verbose off\n", ["-v"]).contains("added unit js"))
    }
}
