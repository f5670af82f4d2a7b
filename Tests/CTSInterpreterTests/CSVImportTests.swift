import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Foundation
import Testing

/// Feeds `bytes` to a reader in chunks of `size`.
func chunked(_ bytes: [UInt8], _ size: Int) -> () throws -> [UInt8]? {
    var offset = 0
    return {
        guard offset < bytes.count else { return nil }
        let end = min(offset + size, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}

/// Every row of a CSV text as (line, [(text, line, column, width)]).
func readAll(_ bytes: [UInt8], chunkSize: Int = 1 << 16) throws -> [CSVRow] {
    var reader = CSVReader(chunks: chunked(bytes, chunkSize))
    var rows: [CSVRow] = []
    while let row = try reader.next() { rows.append(row) }
    return rows
}

/// The error a CSV text gives when read to the end.
func readError(_ bytes: [UInt8]) -> CSVImportError? {
    do {
        _ = try readAll(bytes)
        Issue.record("expected an error")
    } catch let e as CSVImportError {
        return e
    } catch {
        Issue.record("unexpected \(error)")
    }
    return nil
}

/// A harness with a few units, courses, cadres and a rule to import against.
func importHarness() -> Harness {
    let h = Harness()
    h.run(
        """
        unit add js "Jiangsu" kind=locality level=province
        unit add js.org "Organization Department" kind=organization level=province parent=js
        unit add js.ps "Party School" kind=institution level=province parent=js
        cadre add c1 "Li Wei" unit=js.org rank=county category=leading
        cadre add c2 "Wang Fang" unit=js.org rank=staff category=civil-servant
        cadre add c3 "Zhang Min" unit=js.org rank=bureau category=leading
        course add k1 "Outlook" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
        course add k2 "Finance" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 hours=90 capacity=1
        rule add lead5y "Leading" for=(category = leading) period=2008..2012 hours=550
        inspection add i1 by=js.org unit=js.ps date=2010-05-12
        """)
    return h
}

/// Imports CSV text into the harness's session; the error, if any.
func importText(_ h: Harness, _ kind: EntityKind, _ text: String, chunkSize: Int = 1 << 16) -> CSVImportError? {
    importBytes(h, kind, Array(text.utf8), ImportOptions(), chunkSize: chunkSize)
}

/// Imports text that must fail, checks the session did not change, and returns the error.
func importError(
    _ h: Harness, _ kind: EntityKind, _ text: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> CSVImportError? {
    let before = h.snapshot()
    guard let e = importText(h, kind, text) else {
        Issue.record("expected an import error", sourceLocation: sourceLocation)
        return nil
    }
    #expect(h.snapshot() == before, "the failed import left changes", sourceLocation: sourceLocation)
    return e
}

/// Imports text that must fail, checks the session did not change, and returns "LINE:COL: MESSAGE"
/// (for the few tests of the text users see; the others match the case with `is(_:at:_:)`).
func importFailure(
    _ h: Harness, _ kind: EntityKind, _ text: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> String? {
    importError(h, kind, text, sourceLocation: sourceLocation)?.description
}

extension CSVImportError {
    /// Whether this is `problem` at `line` and `column`.
    func `is`(_ problem: CSVProblem, at line: Int, _ column: Int) -> Bool {
        self.problem as? CSVProblem == problem && self.line == line && self.column == column
    }

    /// Whether this is the domain rule `kind`, at `line` and `column`.
    func `is`(_ kind: DomainError.Kind, at line: Int, _ column: Int) -> Bool {
        (problem as? DomainError)?.kind == kind && self.line == line && self.column == column
    }
}

@Suite struct CSVImportTests {
    @Test func readsQuotesLineEndsAndPositionsWhateverTheChunks() throws {
        let text =
            "\u{FEFF}id,name,note\r\nc1,\"Li, Wei\",\"say \"\"hi\"\"\"\nc2,张敏,\"two\r\nlines\"\r\n\r\nc3,\"\",x\rc4,é,"
        let bytes = Array(text.utf8)
        let expected: [(Int, [String], [[Int]])] = [
            (1, ["id", "name", "note"], [[1, 1, 2], [1, 4, 4], [1, 9, 4]]),
            (2, ["c1", "Li, Wei", "say \"hi\""], [[2, 1, 2], [2, 4, 9], [2, 14, 12]]),
            (3, ["c2", "张敏", "two\r\nlines"], [[3, 1, 2], [3, 4, 2], [3, 7, 4]]),
            (6, ["c3", "", "x"], [[6, 1, 2], [6, 4, 2], [6, 7, 1]]),
            (7, ["c4", "é", ""], [[7, 1, 2], [7, 4, 1], [7, 6, 0]]),
        ]
        for size in [1, 2, 3, 5, 64, 1 << 16] {
            let rows = try readAll(bytes, chunkSize: size)
            #expect(rows.count == expected.count, "chunk size \(size)")
            for (row, (line, texts, positions)) in zip(rows, expected) {
                #expect(row.line == line, "chunk size \(size)")
                #expect(row.fields.map(\.text) == texts, "chunk size \(size)")
                #expect(
                    row.fields.map { [$0.line, $0.column, $0.width] } == positions, "chunk size \(size), line \(line)")
            }
        }
        let rows = try readAll(bytes)
        #expect(rows[2].source == "c2,张敏,\"two\r\nlines\"")
        #expect(rows[2].text(ofLine: 4) == "lines\"")
        #expect(rows[2].fields[2].quoted && !rows[2].fields[1].quoted)
        #expect([rows[2].endLine, rows[2].endColumn] as [Int] == [4, 7])
    }

    @Test func refusesWhatIsNotCSVWithItsPosition() {
        #expect(readError(Array("id,name\nc1,\"open\nmore".utf8))?.is(.unclosedQuote, at: 2, 4) == true)
        #expect(readError(Array("id,name\nc1,ab\"c\n".utf8))?.is(.quoteInsideField, at: 2, 6) == true)
        #expect(readError(Array("id,name\n张,\"ab\"c\n".utf8))?.is(.textAfterClosingQuote, at: 2, 7) == true)
        let bad = readError([0x69, 0x64, 0x0A, 0x61, 0x2C, 0xFF, 0x62, 0x0A])
        #expect(bad?.is(.notUTF8, at: 2, 3) == true)
        // The text users see, declared beside the case.
        #expect(
            bad?.description
                == "2:3: this field is not UTF-8 text; save the file as UTF-8, or name its encoding: encoding=gb18030 (what Chinese Excel saves as CSV) or encoding=utf-16"
        )
        #expect(bad?.width == 2)
        #expect(readError(Array("id\n\"x\"\"\n".utf8))?.lineText == "\"x\"\"")
    }

    @Test func importsCadresWithAnyHeaderOrderAndCase() throws {
        let h = importHarness()
        let csv =
            "Name, ID ,unit,rank,category,born,status\r\n\"Chen, Jie\",c10,js.org,county,leading,1966,\r\n"
            + "\"José \"\"Pepe\"\" Ñúñez\",c11,js.ps,staff,technical,,left\r\n王芳,c12,js,national,trainer,1_970,ACTIVE\r\n"
        #expect(importText(h, .cadre, csv, chunkSize: 7) == nil)
        #expect(
            h.rows("list cadres where id in (c10, c11, c12)") == [
                [
                    .text("c10"), .text("Chen, Jie"), unitRef("js.org"), rank(.county),
                    .enumeration(Category.leading.enumValue),
                    .number(1966), .enumeration(CadreStatus.active.enumValue),
                ],
                [
                    .text("c11"), .text("José \"Pepe\" Ñúñez"), unitRef("js.ps"), rank(.staff),
                    .enumeration(Category.technical.enumValue), .null, .enumeration(CadreStatus.left.enumValue),
                ],
                [
                    .text("c12"), .text("王芳"), unitRef("js"), rank(.national), .enumeration(Category.trainer.enumValue),
                    .number(1970), .enumeration(CadreStatus.active.enumValue),
                ],
            ])
    }

    @Test func reportsRowErrorsAtTheCellOfTheField() {
        let h = importHarness()
        let header = "id,name,unit,rank,category\n"
        #expect(
            importError(h, .cadre, header + "c10,A,js,staff,leading\nc11,\"B\",js.orgg,staff,leading\n")?.is(
                .unknownID(.unit, id: "js.orgg", suggestion: "js.org"), at: 3, 9) == true)
        #expect(
            importError(h, .cadre, header + "c10,\"Two\nlines\",js,countyy,leading\n")?.is(
                .unknownWord(.rank, word: "countyy", suggestion: "county"), at: 3, 11) == true)
        #expect(
            importError(h, .cadre, header + "c10,A,js,staff,leading\nc10,B,js,staff,leading\n")?.is(
                CSVProblem.recordExists(.cadre, "c10"), at: 3, 1) == true)
        #expect(
            importError(h, .cadre, "id,name,unit,rank,category,born\n张三,A,js,staff,leading,19x6\n")?.is(
                .wrongType(field: "born", expected: "a number", found: .text("19x6")), at: 2, 23) == true)
        #expect(
            importError(h, .cadre, header + "c 10,A,js,staff,leading\n")?.is(.idNotOneWord("c 10"), at: 2, 1) == true)
        #expect(
            importError(h, .cadre, header + "c10,A,js,staff,leading,x,y\n")?.is(.fieldCount(7, columns: 5), at: 2, 24)
                == true)
        #expect(
            importError(h, .cadre, header + "c10,A,js,staff\n")?.is(.fieldCount(4, columns: 5), at: 2, 15) == true)
        // An empty required cell is said as a cell (Excel's all-empty `,,,,` rows are skipped).
        #expect(
            importError(h, .cadre, header + "c10,A,js,staff,leading\n,B,js,staff,leading\n")?.is(
                CSVProblem.emptyCell("id", .cadre), at: 3, 1) == true)
    }

    @Test func reportsHeaderErrorsAtTheHeaderCell() {
        let h = importHarness()
        #expect(
            importError(h, .cadre, "id,nmae,unit,rank,category\n")?.is(
                .noSuchColumn(.cadre, "nmae", suggestion: "name"), at: 1, 4) == true)
        #expect(
            importError(h, .cadre, "id,name,unit,rank,category,salary\n")?.is(
                .noSuchColumn(.cadre, "salary", suggestion: nil), at: 1, 28) == true)
        #expect(
            importError(h, .cadre, "id,name,unit,rank,category,NAME\n")?.is(
                .columnNamedTwice("name", first: 2, second: 6), at: 1, 28) == true)
        #expect(
            importError(h, .cadre, "id,name,unit,category\nc10,A,js,leading\n")?.is(
                .missingColumn("rank", .cadre), at: 1, 1) == true)
        #expect(importError(h, .cadre, "id,,unit\n")?.is(.unnamedColumn(2, .cadre), at: 1, 4) == true)
        #expect(importError(h, .cadre, "")?.is(.emptyFile(.cadre), at: 1, 1) == true)
        // The text users see, declared beside the cases.
        #expect(
            importFailure(h, .cadre, "id,name,unit,rank,category,salary\n")
                == "1:28: cadres have no field 'salary'; leave it out with extra=ignore, or use fields of cadres: id, name, unit, rank, category, born, status"
        )
    }

    @Test func anErrorBecomesADiagnosticOnTheFile() {
        let h = importHarness()
        let e = importText(h, .cadre, "id,name,unit,rank,category\nc10,张敏,js.orgg,staff,leading\n")!
        let d = e.diagnostic(fileName: "people.csv", files: h.files)
        #expect(d.is(.unknownID(.unit, id: "js.orgg", suggestion: "js.org")))
        #expect([d.range!.start.line, d.range!.start.column, d.range!.end.column] as [Int] == [2, 8, 15])
        #expect(h.files[d.range!.fileID].name == "people.csv")
        #expect(h.files[d.range!.fileID].line(2) == "c10,张敏,js.orgg,staff,leading")
    }

    @Test func importsEnrollmentsLikeTheEnrollmentCommands() {
        let h = importHarness()
        let csv = """
            cadre,course,status,hours,date
            c1,k1,completed,,
            c2,k1,completed,150.5,2009-04-01
            c3,k1,withdrawn,,
            c1,k2,absent,,
            c2,k2,,,
            c3,k2,withdrawn,,

            """
        #expect(importText(h, .enrollment, csv) == nil)
        #expect(
            h.rows("list enrollments").map { $0.map(\.description) } == [
                ["c1", "k1", "completed", "300", "2009-04-24"], ["c2", "k1", "completed", "150.5", "2009-04-01"],
                ["c3", "k1", "withdrawn", "", ""], ["c1", "k2", "absent", "", ""], ["c2", "k2", "enrolled", "", ""],
                ["c3", "k2", "withdrawn", "", ""],
            ])
        let header = "cadre,course,status,hours,date\n"
        #expect(
            importError(h, .enrollment, header + "c3,k2,enrolled,,\n")?.is(
                .alreadyEnrolled(cadre: "c3", status: .withdrawn, course: "k2"), at: 2, 1) == true)
        let g = importHarness()
        #expect(
            importError(g, .enrollment, header + "c1,k2,completed,,\nc2,k2,enrolled,,\n")?.is(
                .courseFull(course: "k2", capacity: 1), at: 3, 4) == true)
        #expect(
            importError(g, .enrollment, header + "c1,k1,completed,301,\n")?.is(
                .creditOverCourse(course: "k1", worth: 300, credited: 301), at: 2, 17) == true)
        #expect(
            importError(g, .enrollment, header + "c1,k1,completed,,2009-03-01\n")?.is(
                .completedBeforeStart(
                    date: Day(year: 2009, month: 3, day: 1)!, course: "k1", start: Day(year: 2009, month: 3, day: 2)!),
                at: 2, 18) == true)
        #expect(
            importError(g, .enrollment, header + "c1,k1,enrolled,3,\n")?.is(
                .hoursWhenNotCompleted(.enrolled), at: 2, 16) == true)
        // The text users see, declared beside the case.
        #expect(
            importFailure(g, .enrollment, header + "c1,k1,completed,301,\n")
                == "2:17: course k1 is worth 300 hours; cannot credit 301")
        #expect(
            importError(g, .enrollment, header + "c1,k9,enrolled,,\n")?.is(
                .unknownID(.course, id: "k9", suggestion: "k1"), at: 2, 4) == true)
    }

    @Test func importsRulesWithTheirConditionsCheckedAndKeptAsWritten() {
        let h = importHarness()
        #expect(
            importText(
                h, .rule,
                #"""
                id,title,for,period,hours,kinds
                r1,"Rule, one","rank >= county  and  name contains ""a\""b""",2009,90,"off-job,rotation"
                r2,Two,(applies(r1)),2009-01-01..2009-06-30,1.5,

                """#) == nil)
        #expect(
            h.rows("list rules where id in (r1, r2) columns id, for, period, kinds").map { $0.map(\.description) } == [
                ["r1", #"rank >= county and name contains "a\"b""#, "2009", "off-job,rotation"],
                ["r2", "(applies(r1))", "2009-01-01..2009-06-30", ""],
            ])
        let header = "id,title,for,period,hours\n"
        #expect(
            importFailure(h, .rule, header + "r3,T,rank >= countyy,2009,1\n")
                == "2:6: for: unknown rank 'countyy' (did you mean 'county'?)")
        #expect(
            importError(h, .rule, header + "r3,T,rank >= $x,2009,1\n")?.is(.conditionVariable("x"), at: 2, 6) == true)
        #expect(
            importError(h, .rule, header + "r3,T,a) or (b,2009,1\n")?.is(.conditionUnmatchedClose, at: 2, 6) == true)
        #expect(
            importFailure(h, .rule, header + "r3,T,applies(r3),2009,1\n")
                == "2:6: for: unknown rule 'r3' (did you mean 'r1'?)")
        #expect(
            importError(h, .rule, header + "r3,T,rank >= county,2009..2008,1\n")?.is(
                .wrongType(field: "period", expected: "a period such as 2008..2012", found: .text("2009..2008")), at: 2,
                21) == true)
    }

    @Test func importsTheOtherCollections() {
        let h = importHarness()
        #expect(
            importText(h, .budget, "unit,year,funds,revenue,spent\njs,2009,1200000,3.2e10,\njs,2009,5,6,7\n") == nil)
        #expect(h.rows("list budgets").map { $0.map(\.description) } == [["js", "2009", "5", "6", "7"]])
        #expect(importText(h, .plan, "unit,year,participants,hours\njs.org,2010,40,3600\n") == nil)
        #expect(importText(h, .exemption, "cadre,rule,reason\nc3,lead5y,\"On secondment, abroad\"\n") == nil)
        #expect(
            importError(h, .exemption, "cadre,rule,reason\nc3,lead5y,Again\n")?.is(
                .alreadyExempt(cadre: "c3", rule: "lead5y"), at: 2, 1) == true)
        #expect(
            importText(
                h, .inspection, "id,by,unit,date,scope\ni2,js.org,js,2010-06-01,\ni3,js.org,js,2010-06-02,Files\n")
                == nil)
        #expect(
            importText(
                h, .finding,
                """
                id,inspection,text,severity,due,status,resolved
                f1,i1,Late,medium,2010-08-31,resolved,2010-08-15
                f2,i2,Open,high,2010-09-30,,

                """) == nil)
        #expect(
            h.rows("list findings").map { $0.map(\.description) } == [
                ["f1", "i1", "Late", "medium", "2010-08-31", "resolved", "2010-08-15"],
                ["f2", "i2", "Open", "high", "2010-09-30", "open", ""],
            ])
        #expect(
            importError(
                h, .finding,
                "id,inspection,text,severity,due,status,resolved\nf3,i1,T,low,2010-09-30,resolved,2010-01-01\n")?.is(
                    .resolvedBeforeInspection(finding: "f3", date: day(2010, 1, 1), inspected: day(2010, 5, 12)), at: 2,
                    33) == true)
        #expect(
            importError(h, .finding, "id,inspection,text,severity,due,resolved\nf3,i1,T,low,2010-09-30,2010-06-01\n")?
                .is(.openWithResolvedDate, at: 2, 24) == true)
        #expect(
            importText(h, .practice, "id,unit,year,text,promoted\np1,js,2010,Evening,yes\np2,js,2011,Day,\n") == nil)
        #expect(
            h.rows("list practices columns id, promoted").map { $0.map(\.description) } == [
                ["p1", "yes"], ["p2", "no"],
            ])
        #expect(
            importText(
                h, .unit, "id,name,kind,level,parent\nnj,Nanjing,locality,city,js\nnj.fin,Finance,department,city,nj\n")
                == nil)
        #expect(
            importError(h, .unit, "id,name,kind,level,parent\nx,X,locality,city,nowhere\n")?.is(
                .unknownID(.unit, id: "nowhere", suggestion: nil), at: 2, 19) == true)
    }

    /// 10⁵ rows generated on the fly, never held as one text; progress every 10,000 rows.
    @Test func streamsAHundredThousandRows() throws {
        let n = 100_000
        func source(failAt: Int?) -> () throws -> [UInt8]? {
            var next = 0
            var header = true
            return {
                var chunk: [UInt8] = []
                if header {
                    chunk += Array("id,name,unit,rank,category,born\n".utf8)
                    header = false
                }
                while chunk.count < 1 << 16, next < n {
                    let unit = next == failAt ? "js.orgg" : "js.org"
                    chunk += Array("x\(next),\"Name \(next), 张\",\(unit),staff,leading,\(1950 + next % 50)\r\n".utf8)
                    next += 1
                }
                return chunk.isEmpty ? nil : chunk
            }
        }
        let h = importHarness()
        var progress: [Int] = []
        let start = Date()
        let changes = try CSVImporter.run(.cadre, into: h.interpreter, chunks: source(failAt: nil)) {
            progress.append($0)
        }
        print("imported \(n) cadres in \(Date().timeIntervalSince(start)) s")
        #expect(progress == Array(stride(from: 10_000, through: n, by: 10_000)))
        #expect(changes.changes.count == n)
        #expect(h.session.cadres.count == n + 3)
        #expect(
            h.rows("list cadres where id = x99999").first?.map(\.description)
                == ["x99999", "Name 99999, 张", "js.org", "staff", "leading", "1999", "active"])

        let g = importHarness()
        let before = g.snapshot()
        #expect(
            throws: CSVImportError(
                DomainError(.unknownID(.unit, id: "js.orgg", suggestion: "js.org"), field: "unit"), line: n + 1,
                column: 24, width: 7,
                lineText: "x99999,\"Name 99999, 张\",js.orgg,staff,leading,1999")
        ) {
            try CSVImporter.run(.cadre, into: g.interpreter, chunks: source(failAt: n - 1))
        }
        #expect(g.snapshot() == before)
    }

    @Test func anErrorFromTheSourceRevertsAndIsPassedOn() {
        struct ReadFailed: Error, Equatable {}
        let h = importHarness()
        let before = h.snapshot()
        var calls = 0
        #expect(throws: ReadFailed()) {
            try CSVImporter.run(
                .cadre, into: h.interpreter,
                chunks: {
                    calls += 1
                    if calls == 1 { return Array("id,name,unit,rank,category\nc10,A,js,staff,leading\nc11,B,js,".utf8) }
                    throw ReadFailed()
                })
        }
        #expect(h.snapshot() == before)
    }

    @Test func reportsEveryBadRowAndImportsNone() throws {
        let h = importHarness()
        let before = h.snapshot()
        let csv =
            "id,name,unit,rank,category\nc10,A,js,staff,leading\nc11,B,js.orgg,staff,leading\n"
            + "c12,C,js,countyy,leading\nc13,D,js,staff,leading\nc10,E,js,staff,leading\n"
        let e = try #require(importText(h, .cadre, csv))
        #expect(
            ([e] + e.more).map(\.description) == [
                "3:7: unknown unit 'js.orgg' (did you mean 'js.org'?)",
                "4:10: unknown rank 'countyy' (did you mean 'county'?)",
                "6:1: cadre c10 is already in the session or in a row above; an import only adds new records",
            ])
        #expect(e.unshown == 0)
        #expect(h.snapshot() == before, "a failed import left changes")
        let diagnostics = e.diagnostics(fileName: "people.csv", files: h.files)
        #expect(diagnostics.map { $0.range!.start.line } == [3, 4, 6])
        #expect(diagnostics.map(\.notes) == [[], [], ["3 bad rows; nothing was imported"]])
        #expect(h.files[diagnostics[1].range!.fileID].line(4) == "c12,C,js,countyy,leading")
    }

    @Test func reportsTwentyBadRowsThenHowManyMore() throws {
        let h = importHarness()
        let rows = (0..<25).map { "c\(100 + $0),N,js.nowhere,staff,leading\n" }.joined()
        let e = try #require(importText(h, .cadre, "id,name,unit,rank,category\n" + rows + "c99,Z,js,staff,leading\n"))
        #expect(e.more.count == CSVImporter.maxReportedErrors - 1)
        #expect(e.unshown == 5)
        #expect(e.more.last?.line == 21)
        let diagnostics = e.diagnostics(fileName: "people.csv", files: h.files)
        #expect(diagnostics.count == 20)
        #expect(diagnostics.last?.notes == ["and 5 more bad rows (25 in all); nothing was imported"])
        #expect(h.session.slot(.cadre, id: "c99") == nil)
    }

    @Test func textThatIsNotCSVEndsTheReadingAfterTheBadRowsBeforeIt() throws {
        let h = importHarness()
        let e = try #require(
            importText(h, .cadre, "id,name,unit,rank,category\nc10,A,js.x,staff,leading\nc11,\"B\nc12"))
        #expect(([e] + e.more).map(\.line) == [2, 3])
        #expect(e.more.first?.problem as? CSVProblem == .unclosedQuote)
    }

    @Test func aRowLongerThanTheLimitIsAnError() {
        // An opening quote never closed: without a bound the whole rest of the file (or an endless
        // stream) would be read into one field.
        var sent = 0
        var reader = CSVReader(chunks: {
            sent += 1
            if sent == 1 { return Array("id,name\nc1,\"".utf8) }
            return sent < 100 ? [UInt8](repeating: 0x61, count: 1 << 16) : nil
        })
        do {
            while try reader.next() != nil {}
            Issue.record("expected an error")
        } catch let e as CSVImportError {
            #expect(e.line == 2 && e.column == 1)
            #expect(e.problem as? CSVProblem == .rowTooLong(maxBytes: CSVReader.maxRowBytes))
            #expect(sent < 20)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
