import CTSDomain
import CTSInterpreter
import CTSLanguage
@testable import CTSShell
import Foundation
import Testing

/// File names, the line itself (cursor, UTF-8, comments, continuations), the id index, and
/// agreement of the grammar with the parser and interpreter.
extension CompletionTests {
    // MARK: - Files

    @Test func filesAfterIncludeOpenSaveImportAndRedirection() {
        let quoted = complete("include \"un")
        #expect(quoted.candidates.map(\.text) == ["units.cts\"", "units2.cts\""])
        #expect(quoted.wordStart == 9 && quoted.prefix == "un" && quoted.commonPrefix == "units")
        #expect(fileRequests.prefixes.last == "un")
        #expect(texts("include \"") == ["budget.csv\"", "data/", "units.cts\"", "units2.cts\""])
        let dir = complete("open da")
        #expect(dir.candidates == [CompletionCandidate(text: "data/", appendSpace: false)])
        #expect(dir.wordStart == 5)
        #expect(texts("save ") == ["budget.csv", "data/", "units.cts", "units2.cts"])
        #expect(texts("dump u") == ["units.cts", "units2.cts"])
        #expect(texts("import cadres from \"b") == ["budget.csv\""])
        #expect(texts("list cadres where rank = county as csv > u") == ["units.cts", "units2.cts"])
        #expect(texts("count cadres >> \"b") == ["budget.csv\""])
        #expect(texts("list cadres >u") == ["units.cts", "units2.cts"])
        #expect(complete("list cadres >u").wordStart == 13)
        #expect(texts("report plan 2010 > ") == ["budget.csv", "data/", "units.cts", "units2.cts"])
        // Text in quotes that is not a file: nothing.
        #expect(texts("unit add x \"Un") == [])
    }

    @Test func pathsWithNonWordCharacters() {
        let c = complete("open ../data/se")
        #expect(c.prefix == "../data/se" && c.wordStart == 5)
        #expect(fileRequests.prefixes.last == "../data/se")
        _ = complete("include \"/tmp/my fi")
        #expect(fileRequests.prefixes.last == "/tmp/my fi")
    }

    @Test func listDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cts-completion-\(getpid())")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("adir"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["a.cts", "b.cts", ".hidden"] {
            _ = FileManager.default.createFile(atPath: root.appendingPathComponent(name).path, contents: Data())
        }
        let dir = root.path + "/"
        #expect(Completer.listDirectory(dir + "a") == [dir + "a.cts", dir + "adir/"])
        #expect(Completer.listDirectory(dir) == [dir + "a.cts", dir + "adir/", dir + "b.cts"])
        #expect(Completer.listDirectory(dir + ".h") == [dir + ".hidden"])
        #expect(Completer.listDirectory(dir + "zz") == [])
        #expect(Completer.listDirectory(dir + "missing/x") == [])
    }

    // MARK: - The line

    @Test func variables() {
        #expect(texts("list cadres where hours($y") == ["$year", "$yearly_goal"])
        #expect(complete("list cadres where hours($y").wordStart == 24)
        #expect(complete("list cadres where hours($y").commonPrefix == "$year")
        #expect(texts("echo $") == ["$year", "$yearly_goal"])
    }

    @Test func textAfterTheCursorIsIgnored() {
        let line = "cadre show w0 and more"
        let c = completer.complete(line: line, cursor: 13)
        #expect(c.candidates.map(\.text) == ["w01", "w02"])
        #expect(c.wordStart == 11 && c.prefix == "w0")
        #expect(
            completer.complete(line: "unit ", cursor: 99).candidates.map(\.text) == ["add", "remove", "set", "show"])
    }

    @Test func utf8Offsets() {
        let line = "cadre add c9 \"张敏\" rank=co"
        let c = complete(line)
        #expect(c.candidates.map(\.text) == ["county"])
        #expect(c.wordStart == line.utf8.count - 2)
        // A cursor inside a multi-byte character falls back to its start.
        let inside = completer.complete(line: "unit add x \"张", cursor: 13)
        #expect(inside.candidates == [])
    }

    @Test func commentsAndSeveralCommands() {
        #expect(texts("list cadres # wh") == [])
        #expect(texts("list units; cadre show w") == ["w01", "w02"])
        #expect(complete("list units; cadre show w").wordStart == 23)
        #expect(texts("list units; ") == CommandTable.firstWords.sorted())
    }

    @Test func continuationLines() {
        let c = completer.complete(
            line: "  and rank >= co", cursor: 16,
            continuing: "rule add r9 \"T\" for=(category = leading\n")
        #expect(c.candidates.map(\.text) == ["county"])
        #expect(c.wordStart == 14)
        let d = completer.complete(line: "  kind=o", cursor: 8, continuing: "course add k9 \"T\" \\\n")
        #expect(d.candidates.map(\.text) == ["off-job", "online", "overseas"])
    }

    @Test func numbersAndClosedStringsCompleteNothing() {
        #expect(texts("list cadres limit 1") == [])
        #expect(texts("unit add x \"X\"") == [])
    }

    /// Every cursor position of many lines (the setup script, queries, reports, broken input):
    /// no crash, and every completion keeps its promises.
    @Test func invariantsAtEveryCursorPosition() {
        let lines =
            Self.script.split(separator: "\n").map(String.init) + [
                "list cadres where unit under js sort rank desc columns id, name, rank, hours(lead5y) as csv",
                "count cadres where rank in (county, bureau) and not status = left by unit.level as json > out.csv",
                "stats hours(2008..2012) of cadres where applies(lead5y) by category",
                "print sum(hours(2009) of cadres where unit under nj) / count(cadres)",
                "enroll (cadres where category = leading and compliant(lead5y)) in k2",
                "report compliance lead5y by unit under js as markdown >> \"r.md\"",
                "assert count(findings where status = open and due < today) = 1 \"one open\"",
                "export cadres to \"c.csv\" as json", "import units from ../x.csv", "set format csv; help conditions",
                "list ((( cadres where )) ,, = \"unterminated", "$ $x ==> ) ( \\ # comment", "unit add 张 \"名\" kind=",
            ]
        for line in lines {
            let bytes = Array(line.utf8)
            for cursor in 0...bytes.count {
                let c = completer.complete(line: line, cursor: cursor)
                let place = "\(line) @\(cursor)"
                #expect(c.wordStart <= cursor, "\(place)")
                #expect(
                    c.candidates.count <= Completer.candidateLimit && c.candidates.count <= c.totalCount, "\(place)")
                let texts = c.candidates.map(\.text)
                #expect(texts == texts.sorted() && Set(texts).count == texts.count, "\(place)")
                let prefix = c.prefix.lowercased()
                #expect(texts.allSatisfy { $0.lowercased().hasPrefix(prefix) }, "\(place)")
                #expect(c.commonPrefix.lowercased().hasPrefix(prefix), "\(place)")
                #expect(texts.allSatisfy { $0.lowercased().hasPrefix(c.commonPrefix.lowercased()) }, "\(place)")
            }
        }
    }

    // MARK: - The id index

    @Test func indexFollowsTheSession() {
        #expect(texts("cadre show w") == ["w01", "w02"])
        #expect(texts("cadre show w") == ["w01", "w02"])
        #expect(completer.indexBuilds(.cadre) == 1)
        // Changes to other kinds leave the cadre index alone.
        Self.run("enroll w01 in k3\ncomplete w01 in k3\nbudget set nj 2010 funds=1 revenue=2", on: interpreter)
        #expect(texts("cadre show w") == ["w01", "w02"])
        #expect(completer.indexBuilds(.cadre) == 1)
        Self.run(#"cadre add w03 "Wen Tao" unit=nj rank=staff category=trainer"#, on: interpreter)
        #expect(complete("cadre show w").candidates.last == CompletionCandidate(text: "w03", detail: "Wen Tao"))
        // A few added or removed ids are applied to the index, not rebuilt from scratch.
        #expect(completer.indexBuilds(.cadre) == 1)
        Self.run("cadre set w03 name=\"Wen Taotao\"", on: interpreter)
        #expect(complete("cadre show w03").candidates == [CompletionCandidate(text: "w03", detail: "Wen Taotao")])
        Self.run("undo 2", on: interpreter)  // the name change and the addition
        #expect(texts("cadre show w") == ["w01", "w02"])
        Self.run("cadre remove w02", on: interpreter)
        #expect(texts("cadre show w") == ["w01"])
        #expect(completer.indexBuilds(.cadre) == 1)
        interpreter.replaceSession(Session())  // what `new` and `open` do
        #expect(texts("cadre show ") == [])
        #expect(texts("cadre add c9 \"X\" unit=") == [])
    }

    // MARK: - The grammar completion reads agrees with the parser and the interpreter

    /// Whether a line parses and runs without error.
    func runs(_ text: String) -> Bool {
        let id = interpreter.files.add(name: "check.cts", text: text)
        for item in Parser.parse(text, fileID: id) {
            guard case .command(let command) = item, (try? interpreter.execute(command)) != nil else { return false }
        }
        return true
    }

    @Test func queryClausesAgreeWithTheParser() {
        let samples = [
            "where": "where rank = staff", "sort": "sort rank", "limit": "limit 5", "columns": "columns id",
            "by": "by rank",
        ]
        for (command, form) in [("list", CommandForm.list), ("count", .count), ("stats hours(2009) of", .stats)] {
            let clauses = Grammar.queryClauses(form)
            #expect(!clauses.isEmpty)
            for (clause, sample) in samples {
                #expect(runs("\(command) cadres \(sample)") == clauses.contains(clause), "\(command) ... \(clause)")
            }
            #expect(runs("\(command) cadres as csv"))
        }
        for direction in Grammar.sortDirections { #expect(runs("list cadres sort rank \(direction)")) }
    }

    @Test func reportGrammarAgreesWithTheInterpreter() {
        for field in ReportKind.compliance.groupings {
            #expect(runs("report compliance lead5y by \(field)"), "\(field)")
        }
        #expect(!runs("report compliance lead5y by status"))
        #expect(!runs("report budget 2009..2010 by unit") && ReportKind.budget.groupings.isEmpty)
        let samples: [ReportKind: String] = [
            .compliance: "report compliance lead5y", .budget: "report budget 2009..2010",
            .inspections: "report inspections", .courses: "report courses 2009..2010",
            .plan: "report plan 2010",
        ]
        for kind in ReportKind.allCases {
            let sample = samples[kind]!
            #expect(runs(sample), "\(sample)")
            #expect(runs(sample + " under nj") == kind.takesUnder, "\(sample) under nj")
            #expect(kind.arguments.filter { !$0.optional }.count == (kind == .inspections ? 0 : 1))
        }
        for filter in ReportKind.inspectionFilters { #expect(runs("report inspections \(filter)")) }
        #expect(!runs("report inspections closed"))
    }

    @Test func candidatesAreCappedButCommonPrefixCoversAll() {
        let interpreter = CompletionTests.makeInterpreter(#"unit add u "U" kind=locality level=city"#)
        var changes = ChangeSet()
        for i in 0..<450 {
            let id = "x" + String(1000 + i)
            _ = try? interpreter.session.add(
                .cadre(Cadre(id: id, name: "Cadre \(i)", unit: 0, rank: .staff, category: .technical)),
                &changes)
        }
        let completer = Completer(interpreter: interpreter, listFiles: { _ in [] })
        let all = completer.complete(line: "cadre show x", cursor: 12)
        #expect(all.candidates.count == Completer.candidateLimit && all.totalCount == 450)
        #expect(all.candidates.first?.text == "x1000" && all.candidates.last?.text == "x1199")
        #expect(all.commonPrefix == "x1")
        let some = completer.complete(line: "cadre show x14", cursor: 14)
        #expect(some.candidates.count == 50 && some.commonPrefix == "x14")
        #expect(some.candidates.first == CompletionCandidate(text: "x1400", detail: "Cadre 400"))
    }
}
