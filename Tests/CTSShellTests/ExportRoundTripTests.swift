import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSOutput
import Foundation
import Testing

/// `export` writes what the csv and json renderers make of `Export.table`; csv must import back.
@Suite struct ExportRoundTripTests {
    static let script = #"""
        unit add js "Jiangsu – 江苏" kind=locality level=province
        unit add js.ps "Escuela \"Ñ\", party school" kind=institution level=province parent=js
        cadre add c1 "Li, \"Wei\"\nsecond line 😀" unit=js rank=county category=leading born=1966
        cadre add c2 "Wang\tFang" unit=js.ps rank=staff category=civil-servant
        course add k1 "Outlook" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=7.5 capacity=2
        enroll c1,c2 in k1
        withdraw c2 in k1
        complete c1 in k1 hours=2.5
        cadre set c2 status=left
        course set k1 capacity=1
        rule add r1 "Rule \"one\"" for=(name contains "\"Wei\"" and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation
        exempt c2 from r1 reason="Abroad, 借调"
        budget set js 2009 funds=1200000 revenue=3.2e10 spent=0.25
        plan set js 2010 participants=40 hours=3600
        inspection add i1 by=js unit=js.ps date=2010-05-12 scope="Files, \"all\""
        finding add f1 inspection=i1 "Incomplete" severity=medium due=2010-08-31
        finding resolve f1 date=2010-08-15
        practice add p1 unit=js year=2010 "Evening classes" promoted=yes
        """#

    static func interpreter(running text: String) throws -> Interpreter {
        let files = SourceFiles()
        let interpreter = Interpreter(files: files, systemToday: Day(year: 2011, month: 1, day: 15)!)
        for case .command(let command) in Parser.parse(text, fileID: files.add(name: "t.cts", text: text)) {
            _ = try interpreter.execute(command)
        }
        return interpreter
    }

    @Test func csvExportImportsBackIntoANewSession() throws {
        let original = try Self.interpreter(running: Self.script)
        let copy = try Self.interpreter(running: "")
        for kind in [
            EntityKind.unit, .cadre, .course, .enrollment, .budget, .plan, .inspection, .finding, .practice,
            .rule, .exemption,
        ] {
            let csv = Renderer.render(Export.table(kind, of: original.session), as: .csv)
            var reader = CSVReader(text: csv)
            var importer = CSVImporter(kind, into: copy)
            _ = try importer.run(&reader)
        }
        for kind in EntityKind.allCases {
            #expect(Export.table(kind, of: copy.session) == Export.table(kind, of: original.session), "\(kind)")
        }
        #expect(Dump.script(of: copy.session) == Dump.script(of: original.session))
    }

    @Test func exportsAsCSVAndJSON() throws {
        let s = try Self.interpreter(running: Self.script).session
        #expect(
            Renderer.render(Export.table(.cadre, of: s), as: .csv) == """
                id,name,unit,rank,category,born,status
                c1,"Li, ""Wei""
                second line 😀",js,county,leading,1966,active
                c2,Wang\tFang,js.ps,staff,civil-servant,,left

                """)
        #expect(
            Renderer.render(Export.table(.rule, of: s), as: .json) == #"""
                [
                  {
                    "id": "r1",
                    "title": "Rule \"one\"",
                    "for": "name contains \"\\\"Wei\\\"\" and rank >= county",
                    "period": "2008..2012",
                    "hours": 550,
                    "kinds": ["off-job", "rotation"]
                  }
                ]

                """#)
        #expect(
            Renderer.render(Export.table(.enrollment, of: s), as: .json) == """
                [
                  {
                    "cadre": "c1",
                    "course": "k1",
                    "status": "completed",
                    "hours": 2.5,
                    "date": "2009-04-24"
                  },
                  {
                    "cadre": "c2",
                    "course": "k1",
                    "status": "withdrawn",
                    "hours": null,
                    "date": null
                  }
                ]

                """)
    }
}
