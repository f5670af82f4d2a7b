import CTSDomain
import CTSInterpreter
@testable import CTSShell
import CTSTestSupport
import Foundation
import Testing

/// The bad-input corpus (issue 11): every case in `BadInput/*.cases` (format in
/// BadInputCorpus.swift) is run as a script on the workshop province through the real
/// ScriptRunner (lexer, parser, interpreter, includes), as `cts -i case.cts` runs it: one
/// transaction. The first line of standard error must be the case's, exactly, the run must
/// fail, and the session's dump afterwards must be the dump before: the failed script changed
/// nothing.
@Suite struct BadInputTests {
    @Test(arguments: BadInputCase.all)
    func failsWithItsDiagnosticAndChangesNothing(_ badInput: BadInputCase) throws {
        let scratch = try SessionScratch()
        for file in badInput.files { try scratch.write(file.name, data: Data(file.bytes)) }
        let run = try badInput.runsInItsFolder ? Self.runProgram(in: scratch) : Self.runInProcess(in: scratch)
        let at = Testing.SourceLocation(
            fileID: "CTSShellTests/BadInput/\(badInput.category).cases",
            filePath: BadInputCase.root.appendingPathComponent("\(badInput.category).cases").path,
            line: badInput.line, column: 1)
        // Paths as the case writes them: relative to its folder.
        let firstLine =
            run.errors.replacingOccurrences(of: scratch.url.path + "/", with: "")
            .split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(firstLine == badInput.expected, "first diagnostic of \(badInput.testDescription)", sourceLocation: at)
        #expect(run.status == badInput.exitStatus, "exit status of \(badInput.testDescription)", sourceLocation: at)
        if let change = Self.firstDifference(run.dumpBefore, run.dumpAfter) {
            Issue.record("the session changed: \(badInput.testDescription): \(change)", sourceLocation: at)
        }
    }

    /// What one case did: its exit status, its standard error, the session's dump before and after.
    struct Run {
        var status: Int32
        var errors: String
        var dumpBefore: String
        var dumpAfter: String
    }

    /// The script through a ScriptRunner in this process, as `cts -i case.cts` runs it: the
    /// scripts are one transaction, rolled back when one fails.
    static func runInProcess(in scratch: SessionScratch) throws -> Run {
        var options = RunOptions()
        options.scripts = [scratch.path(BadInputCase.scriptName)]
        options.staysInteractive = true
        let errors = TextBuffer()
        let runner = ScriptRunner(
            options: options, out: OutputSink { _ in }, err: OutputSink { errors.text += $0 },
            today: Day(year: 2011, month: 1, day: 15)!)
        let loaded = runner.runSource(name: "setup.cts", text: Workshop.setup, directory: scratch.url.path)
        guard loaded, errors.text.isEmpty else { throw SetupFailed(errors: errors.text) }
        let before = Dump.script(of: runner.interpreter.session)
        let status = runner.run { nil }
        return Run(
            status: status, errors: errors.text, dumpBefore: before,
            dumpAfter: Dump.script(of: runner.interpreter.session))
    }

    /// The script through the built cts in the case's folder, on a session file holding the
    /// province: `cts -s` applies all of a script's changes or none.
    static func runProgram(in scratch: SessionScratch) throws -> Run {
        try scratch.write("_setup.cts", Workshop.setup)
        let setup = try scratch.cts("-s", "_session.ctsdb", "_setup.cts")
        guard setup.status == 0 else { throw SetupFailed(errors: setup.err) }
        let before = try scratch.dump("_session.ctsdb")
        let run = try scratch.cts("-s", "_session.ctsdb", BadInputCase.scriptName)
        return Run(
            status: run.status, errors: run.err, dumpBefore: before, dumpAfter: try scratch.dump("_session.ctsdb"))
    }

    struct SetupFailed: Error {
        let errors: String
    }

    /// The first line where two dumps differ, with both versions, or nil when they are equal.
    static func firstDifference(_ before: String, _ after: String) -> String? {
        guard before != after else { return nil }
        let a = before.split(separator: "\n", omittingEmptySubsequences: false)
        let b = after.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let old = i < a.count ? String(a[i]) : "(end)", new = i < b.count ? String(b[i]) : "(end)"
        return "dump line \(i + 1) was \"\(old)\", is \"\(new)\""
    }

    @Test func theCorpusIsReadAndLargeEnough() throws {
        let fm = FileManager.default
        var count = 0
        for file in try fm.contentsOfDirectory(atPath: BadInputCase.root.path).sorted() where file.hasSuffix(".cases") {
            let text = try String(contentsOf: BadInputCase.root.appendingPathComponent(file), encoding: .utf8)
            let cases = try BadInputCase.parse(text, category: String(file.dropLast(6)))
            #expect(!cases.isEmpty, "\(file) holds no case")
            let names = cases.map(\.name)
            #expect(Set(names).count == names.count, "\(file) names a case twice")
            count += cases.count
        }
        #expect(count >= 200)
        #expect(BadInputCase.all.count == count)
    }

    @Test func caseFilesWriteBytesAndKeepOtherBackslashes() throws {
        let text = #"""
            === bytes
            a\xFF\x00b \\x41 "\n" \
            --- file other.cts
            include "case.cts"
            --- no final newline
            --- exit 3
            --- run in its folder
            --> expected line
            """#
        let cases = try BadInputCase.parse(text, category: "t")
        #expect(cases.count == 1)
        #expect(cases.first?.files.map(\.name) == ["case.cts", "other.cts"])
        #expect(
            cases.first?.files.first?.bytes == Array("a".utf8) + [0xFF, 0] + Array(#"b \x41 "\n" \"#.utf8) + [0x0A])
        #expect(cases.first?.files.last?.bytes == Array(#"include "case.cts""#.utf8))
        #expect(cases.first?.expected == "expected line")
        #expect(cases.first?.exitStatus == 3 && cases.first?.runsInItsFolder == true)
        #expect(throws: BadInputCase.FormatError.self) { try BadInputCase.parse("=== x\n\\xZZ\n--> e", category: "t") }
        #expect(throws: BadInputCase.FormatError.self) { try BadInputCase.parse("=== x\necho\n", category: "t") }
    }

    /// The check of the session is not vacuous: a failed script that replaced the session
    /// (`new`, which cannot be taken back) is seen, and the line that changed is named.
    @Test func aChangedSessionIsSeen() throws {
        let scratch = try SessionScratch()
        try scratch.write(BadInputCase.scriptName, "new\nfrobnicate\n")
        let run = try Self.runInProcess(in: scratch)
        #expect(run.status == 1)
        let change = try #require(Self.firstDifference(run.dumpBefore, run.dumpAfter))
        #expect(change == #"dump line 4 was "set today 2010-12-01", is "(end)""#)
        #expect(Self.firstDifference("a\nb", "a\nb") == nil)
        #expect(Self.firstDifference("a\nb", "a\nc") == #"dump line 2 was "b", is "c""#)
    }
}

private final class TextBuffer {
    var text = ""
}
