import CTSInterpreter
import CTSLanguage
import Foundation
import Testing

/// The committed files generated from cts (completion scripts, the manual page, the editor
/// grammars) are what the current build writes, and the grammars know every word.
@Suite struct EditorFilesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// What `scripts/generate-editor-files --check` says (its list of files is the one list).
    @Test func committedFilesAreWhatTheBuildGenerates() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            Self.root.appendingPathComponent("scripts/generate-editor-files").path, "--check", ctsBinary().path,
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let (status, _, stderr) = try runToEnd(process, out: out, err: err)
        #expect(status == 0, "\(stderr)")
    }

    /// `scripts/cts --install-completions` copies the committed files where each shell and
    /// man look for them in the user's home, without building anything.
    @Test func installCompletionsPutsTheFilesInPlace() throws {
        let home = try SessionScratch()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.root.appendingPathComponent("scripts/cts").path, "--install-completions"]
        process.environment = ["HOME": home.url.path, "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let (status, stdout, stderr) = try runToEnd(process, out: out, err: err)
        #expect(status == 0, "\(stdout)\(stderr)")
        let installed = [
            ".local/share/bash-completion/completions/cts": "completions/cts.bash",
            ".zfunc/_cts": "completions/_cts",
            ".config/fish/completions/cts.fish": "completions/cts.fish",
            ".local/share/man/man1/cts.1": "man/cts.1",
        ]
        for (path, source) in installed {
            #expect(try home.text(path) == Self.text(source), "\(path)")
            #expect(stdout.contains("installed \(home.path(path))"), "\(stdout)")
        }
        #expect(stdout.contains("fpath=(~/.zfunc $fpath)"))
    }

    @Test func completionScriptsHintScriptsAndSessionFiles() throws {
        #expect(try Self.text("completions/_cts").contains("*.cts"))
        #expect(try Self.text("completions/_cts").contains("*.ctsdb"))
        #expect(try Self.text("completions/cts.bash").contains("ctsdb"))
        #expect(try Self.text("completions/cts.fish").contains("ctsdb"))
        for file in ["completions/cts.bash", "completions/_cts", "completions/cts.fish", "man/cts.1"] {
            let text = try Self.text(file)
            for flag in ["--quiet", "--verbose", "--read-only"] {
                // As typed; in roff (`\-\-quiet`); in fish (`-l 'quiet'`).
                let roff = flag.replacingOccurrences(of: "-", with: "\\-"), fish = "-l '\(flag.dropFirst(2))'"
                #expect(text.contains(flag) || text.contains(roff) || text.contains(fish), "\(file) lacks \(flag)")
            }
            #expect(!text.contains("generate textmate"), "\(file) shows the private --generate")
        }
    }

    /// zsh's `_arguments` takes one rest argument (`*…`) at most, or completes nothing
    /// ("doubled rest argument definition"): argument-parser adds a second for its `help`.
    @Test func zshCompletionHasOneRestArgument() throws {
        let script = try Self.text("completions/_cts")
        let root = try #require(script.components(separatedBy: "\n_cts() {").dropFirst().first)
        let specs = try #require(root.components(separatedBy: "_arguments ").first)
        let rest = specs.split(separator: "\n").map { String($0.trimmingPrefix(while: \.isWhitespace)) }
            .filter { $0.hasPrefix("'*:") || $0.hasPrefix("'(-)*:") }  // not '*-c[…]', a repeating option
        #expect(rest.count == 1 && rest.first?.hasPrefix("'*:scripts:") == true, "\(rest)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh"), "needs zsh"))
    func zshReadsTheCompletionScript() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zsh")
        process.arguments = ["-n", Self.root.appendingPathComponent("completions/_cts").path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let (status, _, stderr) = try runToEnd(process, out: out, err: err)
        #expect(status == 0, "\(stderr)")
    }

    @Test func manualPageListsEveryCommand() throws {
        let page = try Self.text("man/cts.1")
        #expect(page.hasPrefix(".\\\" Generated"))
        #expect(page.contains(".TH CTS 1 "))
        for command in CommandTable.all.map(\.name) {
            #expect(page.contains("\\fB" + command.replacingOccurrences(of: "-", with: "\\-")), "\(command)")
        }
    }

    /// groff reads the page without a warning (`-ww`: all of them).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff"), "needs groff"))
    func groffReadsTheManualPageWithoutWarnings() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        process.arguments = ["-man", "-ww", "-z", Self.root.appendingPathComponent("man/cts.1").path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let (status, _, stderr) = try runToEnd(process, out: out, err: err)
        #expect(status == 0 && stderr.isEmpty, "\(stderr)")
    }

    @Test func textMateGrammarIsJSONAndItsRegularExpressionsCompile() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("editors/cts.tmLanguage.json"))
        let grammar = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(grammar["scopeName"] as? String == "source.cts")
        #expect(grammar["fileTypes"] as? [String] == ["cts"])
        let repository = try #require(grammar["repository"] as? [String: Any])
        for include in try #require(grammar["patterns"] as? [[String: String]]) {
            let name = String(try #require(include["include"]).dropFirst())
            #expect(repository[name] != nil, "#\(name) is not in the repository")
        }
        let expressions = Self.expressions(in: repository)
        #expect(expressions.count > 15)
        // ICU's dialect is not Oniguruma's, but the features the grammar uses (\p{L},
        // lookbehind, (?i)) read the same in both.
        for pattern in expressions {
            do { _ = try NSRegularExpression(pattern: pattern) } catch { Issue.record("\(pattern): \(error)") }
        }
    }

    /// Sublime Text's property list is the same grammar as the JSON one.
    @Test func sublimeGrammarIsTheSamePropertyList() throws {
        let plist = try Data(contentsOf: Self.root.appendingPathComponent("editors/sublime/cts.tmLanguage"))
        let fromPlist = try PropertyListSerialization.propertyList(from: plist, format: nil) as? NSDictionary
        let fromJSON = try Self.json("editors/cts.tmLanguage.json").map { NSDictionary(dictionary: $0) }
        #expect(fromPlist != nil && fromPlist == fromJSON)
    }

    /// The grammar read the way a TextMate engine reads it (at each position the rule that
    /// matches first, in order), over lines where a word's place decides what it is.
    @Test(arguments: [
        (
            #"unit add js.ps "Party \"School\"" kind=institution parent=js # note"#,
            #"unit:command add:subcommand js.ps:id "Party \"School\"":string kind:option =:operator "#
                + "institution:value parent:option =:operator # note:comment"
        ),
        (
            "absent c2 in k2; list enrollments where status = absent as csv",
            "absent:command in:operator-word ;:terminator list:command enrollments:collection where:keyword "
                + "=:operator absent:value as:keyword csv:value"
        ),
        ("report compliance lead5y by unit", "report:command compliance:subcommand by:keyword"),
        (
            "set today 2010-12-01; print count(cadres where hours(2008..2012) >= 550 and born < 1970)",
            "set:command today:subcommand 2010-12-01:date ;:terminator print:command count:function "
                + "cadres:collection where:keyword hours:function 2008..2012:period >=:operator 550:number "
                + "and:operator-word <:operator 1970:number"
        ),
        (
            "generate province cadres=10 seed=7",
            "generate:command province:subcommand cadres:option =:operator 10:number seed:option =:operator 7:number"
        ),
        ("let y = $x", "let:command =:operator $x:variable"),
    ])
    func textMateGrammarScopes(_ line: String, _ expected: String) throws {
        let grammar = try #require(try Self.json("editors/cts.tmLanguage.json"))
        let repository = try #require(grammar["repository"] as? [String: [String: Any]])
        var rules: [(key: String, rule: [String: Any])] = []
        for include in try #require(grammar["patterns"] as? [[String: String]]) {
            let key = String(try #require(include["include"]).dropFirst())
            let rule = try #require(repository[key])
            // A rule of rules (`command`) is its rules; a string's patterns are inside it.
            let own = rule["match"] != nil || rule["begin"] != nil
            rules += (own ? [rule] : rule["patterns"] as? [[String: Any]] ?? []).map { (key, $0) }
        }
        let text = line as NSString
        /// The first match of `pattern` at or after `position`.
        func search(_ pattern: String, from position: Int) throws -> NSTextCheckingResult? {
            try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]).firstMatch(
                in: line, options: [.withoutAnchoringBounds],
                range: NSRange(location: position, length: text.length - position))
        }
        var position = 0, tokens: [String] = []
        while position < text.length {
            var best: (match: NSTextCheckingResult, key: String, rule: [String: Any])?
            for (key, rule) in rules {
                guard let match = try search(rule["match"] as? String ?? rule["begin"] as! String, from: position)
                else { continue }
                if best == nil || match.range.location < best!.match.range.location { best = (match, key, rule) }
            }
            guard let (match, key, rule) = best else { break }
            if let end = rule["end"] as? String {
                // Inside a string its own patterns (the escapes) come before the end.
                let inner = (rule["patterns"] as? [[String: Any]] ?? []).compactMap { $0["match"] as? String }
                var at = NSMaxRange(match.range)
                while let close = try search(end, from: at) {
                    let skip = try inner.compactMap { try search($0, from: at) }.filter {
                        $0.range.location < close.range.location
                    }
                    .min { $0.range.location < $1.range.location }
                    guard let skip else {
                        at = NSMaxRange(close.range)
                        break
                    }
                    at = NSMaxRange(skip.range)
                }
                tokens.append(
                    text.substring(with: NSRange(location: match.range.location, length: at - match.range.location))
                        + ":" + key)
                position = at
                continue
            }
            if let captures = rule["captures"] as? [String: [String: String]] {
                for (index, capture) in captures.sorted(by: { $0.key < $1.key }) {
                    let range = match.range(at: Int(index)!)
                    // keyword.control.command.cts: "command"
                    let name = capture["name"]!.split(separator: ".").dropLast().last!
                    if range.location != NSNotFound { tokens.append(text.substring(with: range) + ":" + name) }
                }
            } else {
                tokens.append(text.substring(with: match.range) + ":" + key)
            }
            position = max(NSMaxRange(match.range), position + 1)
        }
        #expect(tokens.joined(separator: " ") == expected)
    }

    @Test func everyWordIsInBothGrammars() throws {
        let textMate = Self.words(
            in: Self.expressions(in: try Self.json("editors/cts.tmLanguage.json")).joined(separator: " "))
        let vim = Self.words(in: try Self.text("editors/vim/syntax/cts.vim"))
        #expect(LanguageWords.all.count > 100)
        for word in LanguageWords.all {
            #expect(textMate.contains(word), "'\(word)' is not in the TextMate grammar")
            #expect(vim.contains(word), "'\(word)' is not in the Vim syntax")
        }
        for word in ["where", "as", "sort", "by", "and", "unit", "add", "report", "compliance", "county", "csv"] {
            #expect(LanguageWords.all.contains(word), "\(word)")
        }
    }

    @Test func vscodeExtensionContributesTheGrammar() throws {
        let package = try #require(try Self.json("editors/vscode/package.json"))
        let contributes = try #require(package["contributes"] as? [String: Any])
        let grammars = try #require(contributes["grammars"] as? [[String: String]])
        #expect(grammars.first?["scopeName"] == "source.cts")
        let path = try #require(grammars.first?["path"])
        let grammar = Self.root.appendingPathComponent("editors/vscode").appendingPathComponent(path)
        #expect(try String(contentsOf: grammar, encoding: .utf8) == Self.text("editors/cts.tmLanguage.json"))
        _ = try #require(try Self.json("editors/vscode/language-configuration.json"))
    }

    /// Vim reads the syntax file without an error and takes `.cts` files for cts.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/vim"), "needs vim"))
    func vimLoadsTheSyntax() throws {
        let scratch = try SessionScratch()
        try scratch.write("a.cts", "unit add js \"J\" kind=locality level=province # a comment\n")
        let check = """
            set nocompatible
            let &runtimepath = '\(Self.root.appendingPathComponent("editors/vim").path),' . &runtimepath
            filetype on
            syntax on
            edit \(scratch.path("a.cts"))
            let names = map([1, 6, 10, 13, 17, 22, 46], 'synIDattr(synID(1, v:val, 1), "name")')
            call writefile([&filetype, get(b:, 'current_syntax', ''), v:errmsg, join(names)], '\(scratch.path("out"))')
            qall!
            """
        try scratch.write("check.vim", check)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/vim")
        process.arguments = ["-Nu", "NONE", "-es", "-S", scratch.path("check.vim")]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let (status, stdout, stderr) = try runToEnd(process, out: out, err: err)
        #expect(status == 0, "\(stdout)\(stderr)")
        let lines = try scratch.text("out").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(3) == ["cts", "cts", ""], "\(lines)")
        #expect(
            lines.dropFirst(3).first
                == "ctsCommand ctsSubcommand ctsId ctsString ctsOption ctsValue ctsComment", "\(lines)")
    }

    // MARK: - Reading the grammars

    static func json(_ path: String) throws -> [String: Any]? {
        try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(path))) as? [String: Any]
    }

    /// Every `match`, `begin` and `end` in a grammar's rules, nested ones included.
    static func expressions(in value: Any?) -> [String] {
        if let object = value as? [String: Any] {
            let own = ["match", "begin", "end"].compactMap { object[$0] as? String }
            return own
                + object.filter { !["match", "begin", "end"].contains($0.key) }.flatMap { expressions(in: $0.value) }
        }
        if let array = value as? [Any] { return array.flatMap { expressions(in: $0) } }
        return []
    }

    /// The words in regular expressions' alternations: split at everything but letters,
    /// digits and `_ -`, once `\.` is read back as `.` (no cts keyword holds `.` or `/`).
    static func words(in text: String) -> Set<String> {
        let unescaped = text.replacingOccurrences(of: "\\.", with: ".")
        var words = Set<String>(), word = ""
        for ch in unescaped {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" {
                word.append(ch)
            } else {
                if !word.isEmpty { words.insert(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.insert(word) }
        return words
    }
}
