import Foundation
import Testing

// docs/tutorial.md, run: every fenced block is checked against the cts that was built, so the
// tutorial cannot rot. An HTML comment line before a block says how it is checked:
//
//   <!-- session: empty -->          a new session at the prompt, with nothing in it
//   <!-- session: demo -->           a new session started with --demo
//   <!-- session: examples/x.cts --> a new session after `cts -i examples/x.cts`
//   <!-- continues -->               the same session as the last session block
//   <!-- shell -->                   `$ ` lines, run by bash (the default for a block that
//                                    starts with `$ `)
//   <!-- terminal -->                at a real terminal (tmux): the block starts with
//                                    `$ scripts/cts ARGS`, and the screen must end as shown
//   <!-- terminal: ARGS -->          the same, started with ARGS, the start not shown
//   <!-- terminal: ARGS; 80 columns; then Tab Tab -->  a terminal 80 columns wide (not 200),
//                                    and the last command typed ends with Tab Tab, not Enter
//   <!-- file: PATH -->              the block is the whole file
//   <!-- excerpt: PATH -->           the block's parts between `# ...` lines are in the file
//   <!-- not run: REASON -->         not checked, and the reason why
//
// Session blocks hold `cts> ` commands (`...> ` goes on with one) and what each prints; they
// run in batch with `set echo on`, which prints exactly what the prompt shows. Everything runs
// in one scratch folder, in the order of the page, like a reader in the top folder of the
// checkout: `scripts/cts` there is the built binary and `examples/` the checkout's folder.
// Lines are compared without trailing blanks. A block with no comment that does not start
// with `$ ` is a failure: each block says how it is checked.
//
// RECORD=1 swift test --skip-build --filter TutorialTests writes what cts printed into the
// session and shell blocks that differ (not the terminal ones): check the diff by eye.
// This file reads the page; TutorialTests+Runner.swift runs its blocks.

/// How one block of the tutorial is checked, from the comment before it.
enum TutorialCheck: Equatable {
    enum Start: Equatable {
        case empty, demo
        case script(String)
    }

    case session(Start)
    case continues
    case shell
    case terminal(arguments: [String]?, width: Int, lastKeys: [String])
    case file(String)
    case excerpt(String)
    case notRun(String)

    /// Reads the text of a `<!-- ... -->` comment; nil if it is not one of the directives.
    init?(directive text: String) {
        let (name, value) = Self.split(text)
        switch name {
        case "session" where value == "empty": self = .session(.empty)
        case "session" where value == "demo": self = .session(.demo)
        case "session" where value?.hasSuffix(".cts") == true: self = .session(.script(value!))
        case "continues" where value == nil: self = .continues
        case "shell" where value == nil: self = .shell
        case "terminal":
            var parts = (value ?? "").components(separatedBy: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            var keys: [String] = [], width = 200
            if let last = parts.last, last.hasPrefix("then ") {
                keys = last.dropFirst(5).split(separator: " ").map(String.init)
                parts.removeLast()
            }
            if let last = parts.last, last.hasSuffix(" columns"), let columns = Int(last.dropLast(8)) {
                width = columns
                parts.removeLast()
            }
            let arguments = parts.first.flatMap { $0.isEmpty ? nil : ShellWords.split($0) }
            self = .terminal(arguments: arguments, width: width, lastKeys: keys)
        case "file" where value != nil: self = .file(value!)
        case "excerpt" where value != nil: self = .excerpt(value!)
        case "not run" where value?.isEmpty == false: self = .notRun(value!)
        default: return nil
        }
    }

    private static func split(_ text: String) -> (String, String?) {
        guard let colon = text.firstIndex(of: ":") else { return (text, nil) }
        return (
            text[..<colon].trimmingCharacters(in: .whitespaces),
            text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        )
    }
}

/// One fenced block of the page.
struct TutorialBlock {
    /// The line of the opening fence, from 1.
    let line: Int
    let check: TutorialCheck
    let lines: [String]
}

/// The blocks of a page and what is wrong with its comments.
struct TutorialPage {
    var blocks: [TutorialBlock] = []
    var problems: [String] = []

    init(_ markdown: String, name: String) {
        var pending: (text: String, line: Int)?
        var open: (line: Int, lines: [String])?
        for (index, raw) in markdown.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if var block = open {
                if line.hasPrefix("```") {
                    add(block.lines, at: block.line, after: pending, name: name)
                    pending = nil
                    open = nil
                } else {
                    block.lines.append(raw)
                    open = block
                }
            } else if line.hasPrefix("```") {
                open = (index + 1, [])
            } else if line.hasPrefix("<!--") && line.hasSuffix("-->") {
                pending = (String(line.dropFirst(4).dropLast(3)).trimmingCharacters(in: .whitespaces), index + 1)
            }
        }
        if let open { problems.append("\(name):\(open.line): a block is never closed") }
    }

    private mutating func add(_ lines: [String], at line: Int, after comment: (text: String, line: Int)?, name: String)
    {
        if let comment {
            guard let check = TutorialCheck(directive: comment.text) else {
                problems.append("\(name):\(comment.line): unknown directive <!-- \(comment.text) -->")
                return
            }
            blocks.append(TutorialBlock(line: line, check: check, lines: lines))
        } else if lines.first?.hasPrefix("$ ") == true {
            blocks.append(TutorialBlock(line: line, check: .shell, lines: lines))
        } else {
            problems.append(
                "\(name):\(line): the block has no <!-- session: ... -->, <!-- not run: ... --> or other directive")
        }
    }
}

/// Splits a shell command line into words: blanks separate, '...' and "..." quote, \ escapes.
enum ShellWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = [], word = "", have = false, quote: Character?, escaped = false
        for c in text {
            if escaped {
                word.append(c)
                escaped = false
            } else if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                have = true
            } else if c == "\\" {
                escaped = true
                have = true
            } else if c.isWhitespace {
                if have { words.append(word) }
                word = ""
                have = false
            } else {
                word.append(c)
                have = true
            }
        }
        if have { words.append(word) }
        return words
    }
}

/// Text as it is compared: trailing blanks of each line and trailing empty lines dropped.
func tutorialLines(_ text: String) -> [String] { tutorialLines(text.components(separatedBy: "\n")) }

func tutorialLines(_ lines: [String]) -> [String] {
    var result = lines.map { String($0.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()) }
    while result.last == "" { result.removeLast() }
    return result
}

@Suite struct TutorialTests {
    static let path = "docs/tutorial.md"

    static func page() throws -> TutorialPage {
        let text = try String(contentsOf: TutorialFolder.checkout.appendingPathComponent(path), encoding: .utf8)
        return TutorialPage(text, name: path)
    }

    @Test func everyBlockSaysHowItIsChecked() throws {
        let page = try Self.page()
        #expect(page.problems == [])
        #expect(page.blocks.count > 20)
    }

    /// The whole page in order, terminal blocks included (the record and --step blocks make
    /// the files that the blocks after them use), so it needs tmux.
    @Test(.enabled(if: TmuxSession.isAvailable, "the terminal blocks need tmux"))
    func everyBlockPrintsWhatTheTutorialShows() throws {
        let runner = TutorialRunner(page: try Self.page(), name: Self.path, folder: try TutorialFolder())
        try runner.run()
        for failure in runner.failures { Issue.record("\(failure)") }
        if ProcessInfo.processInfo.environment["RECORD"] == "1", !runner.printed.isEmpty {
            let url = TutorialFolder.checkout.appendingPathComponent(Self.path)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (block, printed) in runner.printed.reversed() {
                lines.replaceSubrange(block.line..<(block.line + block.lines.count), with: printed)
            }
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// The test itself: a changed output is found, and so is an unmarked block.
    @Test func aChangedOutputIsFound() throws {
        let page = TutorialPage(
            """
            <!-- session: empty -->
            ```
            cts> count units
             count
            -------
                 1
            (1 row)
            ```
            ```
            not marked
            ```
            """, name: "t.md")
        #expect(
            page.problems == [
                "t.md:9: the block has no <!-- session: ... -->, <!-- not run: ... --> or other directive"
            ])
        let runner = TutorialRunner(page: page, name: "t.md", folder: try TutorialFolder())
        try runner.run()
        #expect(runner.failures.count == 1)
        let failure = runner.failures.first ?? ""
        #expect(failure.hasPrefix("t.md:2: the block is not what cts does; first difference at line 6:"), "\(failure)")
        #expect(failure.contains("tutorial:      1\n  cts printed:      0\n"), "\(failure)")
    }

    /// Shell lines share one bash (here-documents, `$?`), and a listing is compared with its file.
    @Test func shellLinesAndListingsAreChecked() throws {
        let page = TutorialPage(
            """
            ```
            $ cat > two.cts <<'END'
            count units
            END
            $ scripts/cts two.cts -c 'unit add' > /dev/null 2>&1; echo "exit status $?"
            exit status 1
            $ cat two.cts
            count cadres
            ```
            <!-- excerpt: examples/tutorial/03-courses.cts -->
            ```
            include "02-cadres.cts"
            # ...
            set day-hours 7.5
            ```
            <!-- excerpt: examples/tutorial/03-courses.cts -->
            ```
            set day-hours 8
            ```
            """, name: "t.md")
        #expect(page.problems == [])
        let runner = TutorialRunner(page: page, name: "t.md", folder: try TutorialFolder())
        try runner.run()
        #expect(runner.failures.count == 2, "\(runner.failures)")
        #expect(
            runner.failures.first?.hasPrefix("t.md:1: the block is not what cts does; first difference at line 8:")
                == true)
        #expect(runner.failures.first?.contains("tutorial: count cadres\n  bash printed: count units\n") == true)
        #expect(
            runner.failures.last?.hasPrefix("t.md:17: these lines are not in examples/tutorial/03-courses.cts") == true)
    }
}
