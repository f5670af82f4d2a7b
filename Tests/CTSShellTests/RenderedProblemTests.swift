import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSOutput
@testable import CTSShell
import Testing

/// The text users see for a problem of each phase after the parser's (the lexer's and the
/// parser's are in DiagnosticRendererTests; the store's messages are the StoreError's own, checked
/// in SessionFileTests): the message declared beside the case, with the location and caret.
@Suite struct RenderedProblemTests {
    func render(_ problem: some Problem, line: String = "", column: Int = 1, width: Int = 0) -> String {
        let files = SourceFiles()
        let id = files.add(name: "t.cts", text: line)
        guard !line.isEmpty else { return DiagnosticRenderer.render(.error(problem, at: nil), files: files) }
        let start = SourceLocation(fileID: id, line: 1, column: column, utf8Offset: column - 1)
        let end = SourceLocation(fileID: id, line: 1, column: column + width, utf8Offset: column - 1 + width)
        return DiagnosticRenderer.render(.error(problem, at: SourceRange(start, end)), files: files)
    }

    @Test func binding() {
        let problem = BindProblem.noSuchField(.cadre, "rnak", suggestion: "rank")
        #expect(problem.phase == .binding)
        #expect(
            render(problem, line: "list cadres where rnak >= county", column: 19, width: 4) == """
                t.cts:1:19: error: cadre has no field 'rnak' (did you mean 'rank'?)
                    list cadres where rnak >= county
                                      ^~~~

                """)
        #expect(
            BindProblem.unknownVariable("yeer", suggestion: "year").message
                == "unknown variable $yeer (did you mean '$year'?); define it with 'let yeer = ...'")
    }

    @Test func running() {
        let problem = RunProblem.errorsSetting("maybe")
        #expect(problem.phase == .running)
        #expect(
            render(problem, line: "set errors maybe", column: 12, width: 5) == """
                t.cts:1:12: error: errors is stop or continue, not 'maybe'
                    set errors maybe
                               ^~~~~

                """)
        #expect(
            RunProblem.notADate(Day(year: 9999, month: 12, day: 31)!, "+", days: 1).message
                == "9999-12-31 + 1 day is not a date: dates run from year 1 to 9999")
    }

    @Test func csvImport() {
        let problem = CSVProblem.fieldCount(4, columns: 5)
        #expect(problem.phase == .running)
        #expect(problem.message == "this row has 4 fields but the header names 5 columns")
        #expect(CSVProblem.fieldCount(1, columns: 1).message == "this row has 1 field but the header names 1 column")
    }

    @Test func shell() {
        let problem = ShellProblem.includeCycle(["a.cts", "b.cts", "a.cts"])
        #expect(problem.phase == .shell)
        #expect(render(problem) == "cts: error: include cycle: a.cts → b.cts → a.cts\n")
    }
}
