import Foundation
import Testing

// How TutorialTests runs the blocks of docs/tutorial.md: the folder they run in, batch
// sessions and bash lines (TutorialRunner), and terminal blocks through tmux
// (TutorialTerminal). The directives are listed at the top of TutorialTests.swift.

/// The folder the tutorial is run in: `scripts/cts` is the built binary, `examples` the
/// checkout's, and `home` the home directory of every cts started.
final class TutorialFolder: @unchecked Sendable {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let url: URL
    let home: URL

    init() throws {
        let fm = FileManager.default
        url = fm.temporaryDirectory.appendingPathComponent("cts-tutorial-\(UUID().uuidString)")
        home = url.appendingPathComponent("home")
        try fm.createDirectory(at: home, withIntermediateDirectories: true)
        try fm.createDirectory(at: url.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: url.appendingPathComponent("scripts/cts"), withDestinationURL: ctsBinary())
        try fm.createSymbolicLink(
            at: url.appendingPathComponent("examples"),
            withDestinationURL: Self.checkout.appendingPathComponent("examples"))
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var environment: [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": home.path, "NO_COLOR": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8",
            "LANG": "C.UTF-8", "CTS_HISTORY": "off",
        ]
    }

    /// Runs a program here with standard output and error on one pipe, as a terminal shows
    /// them; returns the status and what it printed.
    func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = url
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Runs the blocks of a page in order and keeps a failure for each block whose output is not
/// the one shown.
final class TutorialRunner {
    let page: TutorialPage
    let name: String
    let folder: TutorialFolder
    var failures: [String] = []
    /// What batch and shell blocks really printed, where that is not what they show: with
    /// RECORD=1 the test writes these into the page, to be checked by eye.
    var printed: [(block: TutorialBlock, lines: [String])] = []

    init(page: TutorialPage, name: String, folder: TutorialFolder) {
        self.page = page
        self.name = name
        self.folder = folder
    }

    func run() throws {
        var index = 0
        while index < page.blocks.count {
            let block = page.blocks[index]
            switch block.check {
            case .session(let start):
                let group =
                    [block] + page.blocks[(index + 1)...].prefix { !isSession($0) }.filter { $0.check == .continues }
                try runSession(start, group)
            case .continues:
                if !page.blocks[..<index].contains(where: isSession) {
                    failures.append("\(name):\(block.line): <!-- continues --> but no session came before")
                }
            case .shell: try runShell(block)
            case .terminal(let arguments, let width, let keys):
                try TutorialTerminal(block: block, runner: self).run(arguments, width: width, lastKeys: keys)
            case .file(let path): checkFile(block, path, whole: true)
            case .excerpt(let path): checkFile(block, path, whole: false)
            case .notRun: break
            }
            index += 1
        }
    }

    private func isSession(_ block: TutorialBlock) -> Bool {
        if case .session = block.check { return true }
        return false
    }

    /// Keeps a failure if `actual` is not `expected`, with the first line that differs.
    func report(
        _ block: TutorialBlock, expected: [String], actual: [String], _ what: String = "cts printed",
        recordable: Bool = false, whole: [String]? = nil, skipped: Int = 0
    ) {
        guard expected != actual else { return }
        if recordable { printed.append((block, actual)) }
        let at = expected.indices.first { $0 >= actual.count || expected[$0] != actual[$0] } ?? expected.count
        let line = block.line + 1 + skipped + at
        failures.append(
            """
            \(name):\(block.line): the block is not what cts does; first difference at line \(line):
              tutorial: \(at < expected.count ? expected[at] : "(nothing more)")
              \(what): \(at < actual.count ? actual[at] : "(nothing more)")
            --- the tutorial shows
            \(expected.joined(separator: "\n"))
            --- \(what)
            \(actual.joined(separator: "\n"))
            """ + (whole.map { "\n--- the whole screen\n" + $0.joined(separator: "\n") } ?? ""))
    }

    /// One session: its blocks' commands run in one cts, then its output is cut at the echo
    /// of each block's first command.
    func runSession(_ start: TutorialCheck.Start, _ blocks: [TutorialBlock]) throws {
        let commands = blocks.map(Self.commands)
        var arguments = ["--keep-going"]
        switch start {
        case .empty: break
        case .demo: arguments.append("--demo")
        case .script(let path):
            arguments += ["-c", "include \"\(TutorialFolder.checkout.appendingPathComponent(path).path)\""]
        }
        arguments += ["-c", "set echo on"] + commands.joined().flatMap { ["-c", $0] }
        var output = tutorialLines(try folder.run(ctsBinary().path, arguments).1)
        if output.first == "echo is on" { output.removeFirst() }
        func echo(_ command: String) -> String { tutorialLines("cts> " + command)[0] }
        for (number, block) in blocks.enumerated() {
            // Past the echo of this block's own commands (a later block may repeat one of them).
            var from = 0
            for own in commands[number] {
                if let at = output[from...].firstIndex(of: echo(own)) { from = at + 1 }
            }
            let next = commands[(number + 1)...].first { !$0.isEmpty }?.first
            let end = next.flatMap { output[from...].firstIndex(of: echo($0)) } ?? output.count
            report(block, expected: tutorialLines(block.lines), actual: Array(output[..<end]), recordable: true)
            output.removeFirst(end)
        }
    }

    /// The commands of a session block: each `cts> ` line with the `...> ` lines after it.
    static func commands(_ block: TutorialBlock) -> [String] {
        var commands: [String] = []
        for line in block.lines {
            if line.hasPrefix("cts> ") {
                commands.append(String(line.dropFirst(5)))
            } else if line.hasPrefix("...> "), !commands.isEmpty {
                commands[commands.count - 1] += "\n" + line.dropFirst(5)
            }
        }
        return commands
    }

    /// A block of `$ ` lines, run by one bash in order (so `$?` and files carry over), with a
    /// mark printed before each command to cut the output.
    func runShell(_ block: TutorialBlock) throws {
        var script = "", expected: [[String]] = [], commands = 0
        var heredoc: String?
        for line in block.lines {
            if let end = heredoc {
                script += line + "\n"
                expected[expected.count - 1].append(line)
                if line == end { heredoc = nil }
            } else if line.hasPrefix("$ ") {
                script += "__status=$?; printf '\\036%d\\036\\n' \(commands); (exit $__status)\n"
                script += line.dropFirst(2) + "\n"
                heredoc = Self.heredocEnd(line)
                commands += 1
                expected.append([line])
            } else if !expected.isEmpty {
                expected[expected.count - 1].append(line)
            }
        }
        let output = try folder.run("/bin/bash", ["-c", script]).1
        var actual: [String] = []
        let parts = output.components(separatedBy: "\u{1E}")
        // parts: "", "0", "\noutput", "1", "\noutput", ...
        for number in 0..<commands {
            let text = 2 + 2 * number < parts.count ? String(parts[2 + 2 * number].dropFirst()) : ""
            actual += Self.shownCommand(expected[number]) + tutorialLines(text)
        }
        report(block, expected: tutorialLines(block.lines), actual: actual, "bash printed", recordable: true)
    }

    /// The lines of a command as the block shows it: the `$ ` line and a here-document's lines.
    static func shownCommand(_ lines: [String]) -> [String] {
        guard let end = heredocEnd(lines[0]), let last = lines.firstIndex(of: end) else { return [lines[0]] }
        return Array(lines[...last])
    }

    /// The word that ends a here-document (`<<'END'`, `<<END`), if the line starts one.
    static func heredocEnd(_ line: String) -> String? {
        guard let range = line.range(of: "<<") else { return nil }
        let word = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        return word.isEmpty ? nil : word
    }

    /// A listing: the whole file, or parts of it (between `# ...` lines) in the file's order.
    func checkFile(_ block: TutorialBlock, _ path: String, whole: Bool) {
        let url = TutorialFolder.checkout.appendingPathComponent(path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            failures.append("\(name):\(block.line): cannot read \(path)")
            return
        }
        let file = tutorialLines(text)
        if whole {
            report(block, expected: tutorialLines(block.lines), actual: file, path + " holds")
            return
        }
        var from = 0
        for part in tutorialLines(block.lines).split(separator: "# ...", omittingEmptySubsequences: true) {
            let found = (from...max(from, file.count - part.count)).first {
                file[$0..<min(file.count, $0 + part.count)] == part
            }
            guard let found, found + part.count <= file.count else {
                failures.append(
                    "\(name):\(block.line): these lines are not in \(path) (after line \(from)):\n"
                        + part.joined(separator: "\n"))
                return
            }
            from = found + part.count
        }
    }
}

/// A block run at a real terminal: cts in tmux, commands typed (or, with --step, Enter
/// pressed on each command shown and each pause), the screen compared with the block.
final class TutorialTerminal {
    let block: TutorialBlock
    let runner: TutorialRunner
    var folder: TutorialFolder { runner.folder }
    /// The `$ scripts/cts` line, if the block starts with one: it is not on the screen.
    private var skipped = 0

    init(block: TutorialBlock, runner: TutorialRunner) {
        self.block = block
        self.runner = runner
    }

    func run(_ given: [String]?, width: Int, lastKeys: [String]) throws {
        var expected = tutorialLines(block.lines)
        var arguments = given ?? []
        if given == nil {
            let words = ShellWords.split(String(expected.first?.dropFirst(2) ?? ""))
            guard expected.first?.hasPrefix("$ ") == true, words.first == "scripts/cts" else {
                runner.failures.append(
                    "\(runner.name):\(block.line): a terminal block starts with $ scripts/cts ... or says its ARGS")
                return
            }
            arguments = Array(words.dropFirst())
            expected.removeFirst()
            skipped = 1
        }
        let stepping = arguments.contains("--step")
        let tmux = try TmuxSession(home: folder.home)
        defer { tmux.stop() }
        try tmux.start(
            arguments, environment: ["CTS_HISTORY": "off", "NO_COLOR": "1"], size: (width, 40), directory: folder.url)
        let typed = expected.indices.filter {
            expected[$0].hasPrefix("cts> ") && !(lastKeys.count > 0 && $0 == expected.count - 1)
        }
        for index in expected.indices {
            if stepping {
                guard typed.contains(index) || expected[index].hasSuffix("(press Enter to go on)") else { continue }
                guard try waitUntil(tmux, shows: Array(expected[...index]), prompt: false) else { return }
                try tmux.press("Enter")
            } else if typed.contains(index) {
                guard try waitUntil(tmux, shows: Array(expected[..<index]), prompt: true) else { return }
                try tmux.type(String(expected[index].dropFirst(5)))
                if index == typed.last, !lastKeys.isEmpty {
                    for key in lastKeys {
                        // Keys sent at once can reach the line editor before it has drawn the line.
                        usleep(200_000)
                        try tmux.press(key)
                    }
                } else {
                    try tmux.press("Enter")
                }
            }
        }
        _ = try waitUntil(tmux, shows: expected, prompt: false)
    }

    /// The screen's lines, without "Pane is dead" and the empty prompt at the end.
    func screen(_ tmux: TmuxSession) throws -> (lines: [String], prompt: Bool) {
        var lines = tutorialLines(try tmux.screen())
        if lines.last?.hasPrefix("Pane is dead") == true { lines.removeLast() }
        lines = tutorialLines(lines)
        let prompt = lines.last == "cts>"
        if prompt { lines.removeLast() }
        return (lines, prompt)
    }

    /// Waits until the screen ends with `lines` (and, if `prompt`, an empty prompt after them).
    func waitUntil(_ tmux: TmuxSession, shows lines: [String], prompt: Bool) throws -> Bool {
        var last: (lines: [String], prompt: Bool) = ([], false)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            last = try screen(tmux)
            if last.lines.suffix(lines.count) == ArraySlice(lines) && (last.prompt || !prompt) { return true }
            usleep(50_000)
        }
        let shown = Array(last.lines.suffix(lines.count)) + (last.prompt ? ["cts>"] : [])
        let screen = last.lines + (last.prompt ? ["cts>"] : [])
        runner.report(
            block, expected: lines + (prompt ? ["cts>"] : []), actual: shown, "the terminal shows", whole: screen,
            skipped: skipped)
        return false
    }
}
