import CTSDomain
import CTSInterpreter
import CTSLanguage
@testable import CTSShell
import CTSTestSupport
import Foundation
import Testing

/// TAB completion against a small session built by running a script, as the shell would.
@Suite("Completion")
struct CompletionTests {
    let interpreter: Interpreter
    let completer: Completer
    /// The prefixes the file lister was asked for.
    let fileRequests = Requests()

    final class Requests: @unchecked Sendable {
        var prefixes: [String] = []
    }

    static let files = ["data/", "units.cts", "units2.cts", "budget.csv"]

    init() {
        interpreter = CompletionTests.makeInterpreter(CompletionTests.script)
        let requests = fileRequests
        completer = Completer(interpreter: interpreter) { prefix in
            requests.prefixes.append(prefix)
            return CompletionTests.files.filter { $0.hasPrefix(prefix) }
        }
    }

    /// The workshop's units, cadres and courses (CTSTestSupport), two more cadres, and the
    /// rules, records and variables the completion cases name.
    static let script = [
        Workshop.units, Workshop.cadres,
        #"""
        cadre add w01 "Wu Lei" unit=nj rank=staff category=technical
        cadre add w02 "Wei Na" unit=nj rank=township category=grassroots
        """#, Workshop.courses,
        #"""
        rule add lead5y "Leading cadres: 550 hours in 5 years" for=(category = leading and rank >= county) period=2008..2012 hours=550
        rule add yearly "Every cadre: 12 days a year" for=(status = active) period=2009..2009 days=12
        enroll c1,c3 in k1
        complete c1,c3 in k1
        inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope="Training files"
        finding add f1 inspection=i1 "Training records incomplete for 2009" severity=medium due=2010-08-31
        practice add p1 unit=nj.fin year=2010 "Evening classes" promoted=yes
        let year = 2009
        let yearly_goal = 90
        """#,
    ].joined(separator: "\n")

    static func makeInterpreter(_ script: String) -> Interpreter {
        let files = SourceFiles()
        let interpreter = Interpreter(files: files, systemToday: Day(year: 2011, month: 1, day: 15)!)
        run(script, on: interpreter)
        return interpreter
    }

    static func run(
        _ script: String, on interpreter: Interpreter, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let id = interpreter.files.add(name: "setup.cts", text: script)
        for item in Parser.parse(script, fileID: id) {
            switch item {
            case .command(let command):
                do { _ = try interpreter.execute(command) } catch {
                    Issue.record("setup failed: \(error)", sourceLocation: sourceLocation)
                }
            case .error(let d):
                Issue.record("setup failed: \(d.message)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Completion with the cursor at the end of the line.
    func complete(_ line: String) -> Completion {
        completer.complete(line: line, cursor: line.utf8.count)
    }

    func texts(_ line: String) -> [String] {
        complete(line).candidates.map(\.text)
    }

    static let cadreFields = ["born", "category", "id", "name", "rank", "status", "unit", "unit."]
    static let functions = Functions.all.map { $0.name + "(" }

    // MARK: - Command words

    @Test func emptyLineOffersEveryCommandWord() {
        let c = complete("")
        #expect(c.candidates.map(\.text) == CommandTable.firstWords.sorted())
        #expect(c.wordStart == 0 && c.prefix == "" && c.commonPrefix == "")
        #expect(c.candidates.contains { $0.text == "unit" } && c.candidates.contains { $0.text == "enroll" })
        #expect(c.candidates.allSatisfy { $0.appendSpace })
    }

    @Test func firstWordByPrefix() {
        let c = complete("u")
        #expect(c.candidates.map(\.text) == ["undo", "unit"])
        #expect(c.wordStart == 0 && c.prefix == "u" && c.commonPrefix == "un")
        #expect(texts("enr") == ["enroll"])
        #expect(complete("enr").commonPrefix == "enroll")
        #expect(texts("  li") == ["list"])
        #expect(complete("  li").wordStart == 2)
    }

    @Test func keywordsMatchIgnoringCase() {
        let c = complete("UN")
        #expect(c.candidates.map(\.text) == ["undo", "unit"])
        #expect(c.prefix == "UN" && c.commonPrefix == "un")
        #expect(texts("cadre add c9 \"X\" rank=CO") == ["county"])
    }

    @Test func subcommands() {
        let c = complete("unit ")
        #expect(c.candidates.map(\.text) == ["add", "remove", "set", "show"])
        #expect(c.wordStart == 5 && c.prefix == "" && c.commonPrefix == "")
        #expect(texts("unit s") == ["set", "show"])
        #expect(complete("unit s").commonPrefix == "s")
        #expect(texts("finding r") == ["remove", "resolve"])
        #expect(complete("finding r").commonPrefix == "re")
        #expect(texts("budget ") == ["remove", "set", "show"])
        #expect(texts("unknown ") == [])
    }

    // MARK: - Options

    @Test func optionNamesWithoutSpace() {
        let c = complete("cadre add c9 \"Xu Bo\" ")
        #expect(c.candidates.map(\.text) == ["born=", "category=", "rank=", "status=", "unit="])
        #expect(c.candidates.allSatisfy { !$0.appendSpace })
        #expect(texts("cadre add c9 \"Xu Bo\" r") == ["rank="])
        #expect(complete("cadre add c9 \"Xu Bo\" r").commonPrefix == "rank=")
    }

    @Test func importOptionsAndTheirValues() {
        #expect(texts("import cadres from \"c.csv\" ") == ["as", "delimiter=", "encoding=", "extra="])
        #expect(texts("import cadres from \"c.csv\" encoding=") == ["gb18030", "utf-16", "utf-8"])
        #expect(
            texts("import cadres from \"c.csv\" encoding=gb18030 delimiter=") == ["comma", "pipe", "semicolon", "tab"])
        #expect(texts("import cadres from \"c.csv\" extra=") == ["error", "ignore"])
        #expect(texts("import cadres from \"c.json\" as ") == ["csv", "json"])
    }

    @Test func optionsAlreadyGivenAreLeftOut() {
        #expect(texts("cadre add c9 \"Xu Bo\" unit=nj rank=staff ") == ["born=", "category=", "status="])
        #expect(texts("unit add x \"X\" kind=locality level=city ") == ["parent="])
        #expect(texts("complete c1 in k1 hours=3 ") == ["date=", "days="])
    }

    @Test func enumValuesAfterKey() {
        let line = "cadre add c9 \"Xu Bo\" rank="
        let c = complete(line)
        #expect(c.candidates.map(\.text) == ["bureau", "county", "national", "province", "staff", "township"])
        #expect(c.wordStart == line.utf8.count && c.prefix == "")
        #expect(texts("unit add x \"X\" kind=l") == ["leading-group", "locality"])
        #expect(complete("unit add x \"X\" kind=l").commonPrefix == "l")
        #expect(texts("finding add f9 severity=") == ["high", "low", "medium"])
        #expect(texts("practice add p9 promoted=") == ["no", "yes"])
        #expect(texts("cadre set c1 status=") == ["active", "left"])
    }

    @Test func idsAfterKeyWithNames() {
        let c = complete("cadre add c9 \"Xu Bo\" unit=")
        #expect(
            c.candidates == [
                CompletionCandidate(text: "js", detail: "Jiangsu Province"),
                CompletionCandidate(text: "js.org", detail: "Organization Department of Jiangsu"),
                CompletionCandidate(text: "js.ps", detail: "Jiangsu Provincial Party School"),
                CompletionCandidate(text: "nj", detail: "Nanjing"),
                CompletionCandidate(text: "nj.fin", detail: "Nanjing Finance Bureau"),
            ])
        let nj = complete("cadre add c9 \"Xu Bo\" unit=nj")
        #expect(nj.candidates.map(\.text) == ["nj", "nj.fin"])
        #expect(nj.prefix == "nj" && nj.commonPrefix == "nj" && nj.wordStart == 26)
        #expect(texts("course add k9 \"T\" organizer=js.") == ["js.org", "js.ps"])
        #expect(
            complete("finding add f9 inspection=").candidates == [
                CompletionCandidate(text: "i1", detail: "Training files")
            ])
        #expect(texts("inspection add i9 by=js.o") == ["js.org"])
    }

    /// A course's provider is an institution (spec §2): only those are offered for it.
    @Test func providerOffersOnlyInstitutions() {
        let provider = complete("course add k9 \"T\" provider=js.")
        #expect(provider.candidates == [CompletionCandidate(text: "js.ps", detail: "Jiangsu Provincial Party School")])
        #expect(provider.commonPrefix == "js.ps" && provider.totalCount == 1)
        #expect(texts("course add k9 \"T\" provider=") == ["js.ps"])
        #expect(texts("course set k1 provider=") == ["js.ps"])
        #expect(texts("course add k9 \"T\" provider=nj") == [])
        #expect(complete("course add k9 \"T\" provider=nj").commonPrefix == "nj")
        #expect(texts("list courses where provider = ") == ["js.ps"])
        // Other unit fields still take any unit.
        #expect(texts("course add k9 \"T\" organizer=") == ["js", "js.org", "js.ps", "nj", "nj.fin"])
        #expect(texts("list courses where organizer = ") == ["js", "js.org", "js.ps", "nj", "nj.fin"])
    }

    @Test func idsAreCaseSensitive() {
        #expect(texts("cadre show C") == [])
        #expect(texts("cadre show c") == ["c1", "c2", "c3"])
    }

    @Test func listValueAfterComma() {
        let line = "rule add r9 \"T\" for=(status = active) period=2009..2009 hours=10 kinds=off-job,"
        let c = complete(line)
        #expect(
            c.candidates.map(\.text) == [
                "lecture", "online", "overseas", "practice", "report", "rotation", "short-term",
            ])
        #expect(c.wordStart == line.utf8.count)
        let rot = complete("rule add r9 \"T\" kinds=off-job,ro")
        #expect(rot.candidates.map(\.text) == ["rotation"])
        #expect(rot.wordStart == 30 && rot.prefix == "ro" && rot.commonPrefix == "rotation")
        #expect(texts("rule add r9 \"T\" kinds=") == Vocabulary.courseKind.words.sorted())
    }

    @Test func conditionOption() {
        #expect(texts("rule add r9 \"T\" f") == ["for="])
        #expect(complete("rule add r9 \"T\" for=").candidates == [CompletionCandidate(text: "(", appendSpace: false)])
        let c = complete("rule add r9 \"T\" for=(")
        #expect(c.candidates.map(\.text) == (Self.cadreFields + Self.functions + ["not"]).sorted())
        #expect(texts("rule add r9 \"T\" for=(category = leading and rank >= co") == ["county"])
        #expect(texts("rule set lead5y for=(cat") == ["category"])
        #expect(texts("rule add r9 \"T\" for=(status = active) p") == ["period="])
    }

    // MARK: - Settings and help

    @Test func settings() {
        let c = complete("set ")
        #expect(c.candidates.map(\.text) == CommandTable.settings.map(\.name).sorted())
        #expect(c.candidates.first { $0.text == "format" }?.detail == "default output format of queries")
        #expect(texts("set format ") == ["csv", "html", "json", "markdown", "ndjson", "table", "tsv"])
        #expect(texts("set errors c") == ["continue"])
        #expect(texts("set day-hours ") == [])
        #expect(texts("set FORMAT t") == ["table", "tsv"])
    }

    @Test func help() {
        let c = complete("help ")
        #expect(c.candidates.map(\.text) == (CommandTable.firstWords + Help.topics.map(\.name)).sorted())
        #expect(texts("help con") == ["conditions"])
        #expect(texts("help co") == ["collections", "complete", "conditions", "count", "course"])
        #expect(texts("help unit ") == ["add", "remove", "set", "show"])
    }

    // MARK: - Positional arguments

    @Test func twoMatchingCadreIdsWithNames() {
        let line = "cadre show w"
        let c = complete(line)
        #expect(
            c.candidates == [
                CompletionCandidate(text: "w01", detail: "Wu Lei"),
                CompletionCandidate(text: "w02", detail: "Wei Na"),
            ])
        #expect(c.wordStart == 11 && c.prefix == "w" && c.commonPrefix == "w0" && c.totalCount == 2)
        let one = complete("cadre show w02")
        #expect(one.candidates == [CompletionCandidate(text: "w02", detail: "Wei Na")])
        #expect(one.commonPrefix == "w02")
    }

    @Test func positionalIdsByKind() {
        #expect(texts("cadre show ") == ["c1", "c2", "c3", "w01", "w02"])
        #expect(texts("course remove ") == ["k1", "k2", "k3"])
        #expect(
            complete("rule show l").candidates == [
                CompletionCandidate(text: "lead5y", detail: "Leading cadres: 550 hours in 5 years")
            ])
        #expect(complete("practice show ").candidates == [CompletionCandidate(text: "p1", detail: "Evening classes")])
        #expect(
            complete("finding resolve ").candidates == [
                CompletionCandidate(text: "f1", detail: "Training records incomplete for 2009")
            ])
        #expect(texts("budget set n") == ["nj", "nj.fin"])
        // After the id: the options of `cadre set`, not more ids.
        #expect(texts("cadre set c1 ") == ["born=", "category=", "name=", "rank=", "status=", "unit="])
    }

    @Test func newIDsAreNotCompleted() {
        #expect(complete("unit add ").candidates == [])
        #expect(complete("cadre add c").candidates == [])
        #expect(complete("cadre add c").commonPrefix == "c")
    }

    @Test func keywordSlots() {
        #expect(texts("exempt c1 ") == ["from"])
        #expect(texts("exempt c1 from ") == ["lead5y", "yearly"])
        #expect(texts("exempt c1 from lead5y ") == ["reason="])
        #expect(texts("unit remove nj.fin ") == ["cascade"])
        #expect(texts("unit remove nj.fin c") == ["cascade"])
        #expect(texts("export cadres ") == ["to"])
        #expect(texts("export cadres to \"x.csv\" ") == ["as", "bom="])
        #expect(texts("export cadres to \"x.csv\" as ") == ["csv", "json", "ndjson", "xlsx"])
    }

    @Test func collectionSlots() {
        #expect(texts("import ") == EntityKind.allCases.map(\.plural).sorted())
        #expect(texts("import c") == ["cadres", "courses"])
        #expect(texts("import cadres ") == ["from"])
    }

    // MARK: - Enrollment commands

    @Test func enrollment() {
        let c = complete("enroll c")
        #expect(
            c.candidates == [
                CompletionCandidate(text: "c1", detail: "Li Wei"),
                CompletionCandidate(text: "c2", detail: "Wang Fang"),
                CompletionCandidate(text: "c3", detail: "Zhang Min – 张敏"),
            ])
        #expect(c.commonPrefix == "c" && c.wordStart == 7)
        let comma = complete("enroll c1,c")
        #expect(comma.candidates.map(\.text) == ["c1", "c2", "c3"])
        #expect(comma.wordStart == 10 && comma.prefix == "c")
        #expect(texts("enroll c1,") == ["c1", "c2", "c3", "w01", "w02"])
        #expect(texts("enroll c1 ") == ["in"])
        #expect(texts("enroll c1,c2 i") == ["in"])
        let course = complete("enroll c1 in ")
        #expect(
            course.candidates == [
                CompletionCandidate(text: "k1", detail: "Scientific Outlook on Development"),
                CompletionCandidate(text: "k2", detail: "Public Finance Basics"),
                CompletionCandidate(text: "k3", detail: "Rural Reform Lecture"),
            ])
        #expect(texts("withdraw w01 in k") == ["k1", "k2", "k3"])
        #expect(texts("complete c1 in k1 ") == ["date=", "days=", "hours="])
        #expect(texts("enroll c1 in k1 ") == [])
    }

    @Test func enrollmentByCondition() {
        #expect(texts("enroll (") == ["cadres"])
        #expect(texts("enroll (ca") == ["cadres"])
        #expect(texts("enroll (cadres ") == ["where"])
        #expect(texts("enroll (cadres where ra") == ["rank"])
        #expect(
            texts("enroll (cadres where rank = ") == ["bureau", "county", "national", "province", "staff", "township"])
        #expect(texts("enroll (cadres where rank = county) ") == ["in"])
        #expect(texts("enroll (cadres where rank = county) in ") == ["k1", "k2", "k3"])
    }
}
