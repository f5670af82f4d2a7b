import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Foundation
import Testing

/// RFC 4180 as the csv renderer writes it (CTSOutput cannot be imported here): LF line ends,
/// quotes only around a field with a comma, quote, CR or LF, quotes doubled.
func csvText(_ table: ResultTable) -> String {
    func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    func record(_ fields: [String]) -> String {
        fields.count == 1 && fields[0].isEmpty ? "\"\"\n" : fields.map(field).joined(separator: ",") + "\n"
    }
    return record(table.columns) + table.rows.map { record($0.map(\.description)) }.joined()
}

/// The order in which collections can be imported into an empty session.
let importOrder: [EntityKind] = [
    .unit, .cadre, .course, .enrollment, .budget, .plan, .inspection, .finding, .practice,
    .rule, .exemption,
]

@Suite struct ExportTests {
    @Test func exportsEveryFieldInSpecOrder() {
        let h = Harness.workshop()
        let s = h.session
        #expect(
            Export.table(.cadre, of: s)
                == ResultTable(
                    columns: ["id", "name", "unit", "rank", "category", "born", "status"],
                    rows: [
                        [
                            .text("c1"), .text("Li Wei"), unitRef("nj.fin"), rank(.county),
                            .enumeration(Category.leading.enumValue), .number(1966),
                            .enumeration(CadreStatus.active.enumValue),
                        ],
                        [
                            .text("c2"), .text("Wang Fang"), unitRef("nj.fin"), rank(.staff),
                            .enumeration(Category.civilServant.enumValue), .null,
                            .enumeration(CadreStatus.active.enumValue),
                        ],
                        [
                            .text("c3"), .text("Zhang Min – 张敏"), unitRef("js.org"), rank(.bureau),
                            .enumeration(Category.leading.enumValue), .null,
                            .enumeration(CadreStatus.active.enumValue),
                        ],
                    ]))
        #expect(
            csvText(Export.table(.course, of: s)) == """
                id,title,kind,provider,organizer,start,end,hours,capacity
                k1,Scientific Outlook on Development,off-job,js.ps,,2009-03-02,2009-04-24,300,
                k2,Public Finance Basics,short-term,js.ps,,2009-05-11,2009-05-22,90,
                k3,Rural Reform Lecture,lecture,js.ps,,2010-06-01,2010-06-01,3,

                """)
        #expect(
            csvText(Export.table(.enrollment, of: s)) == """
                cadre,course,status,hours,date
                c1,k1,completed,300,2009-04-24
                c3,k1,completed,300,2009-04-24
                c1,k2,completed,90,2009-05-22
                c2,k2,absent,,
                c2,k3,completed,3,2010-06-01

                """)
        #expect(
            csvText(Export.table(.rule, of: s)) == """
                id,title,for,period,hours,kinds
                lead5y,Leading cadres at county level and above: 550 hours in 5 years,category = leading and rank >= county,2008..2012,550,"off-job,rotation,short-term"
                yearly,Every cadre: 12 days of training a year,status = active,2009,90,

                """)
        #expect(
            Export.table(.rule, of: s).rows[0][5]
                == .list([CourseKind.offJob, .rotation, .shortTerm].map { .enumeration($0.enumValue) }))
        #expect(
            csvText(Export.table(.budget, of: s))
                == "unit,year,funds,revenue,spent\nnj.fin,2009,1200000,32000000000,\nnj.fin,2010,1260000,36000000000,\n"
        )
        #expect(
            csvText(Export.table(.finding, of: s))
                == "id,inspection,text,severity,due,status,resolved\nf1,i1,Training records incomplete for 2009,medium,2010-08-31,open,\n"
        )
        #expect(Export.table(.practice, of: s) == ResultTable(columns: ["id", "unit", "text", "year", "promoted"]))
        #expect(Export.table(.exemption, of: s).columns == ["cadre", "rule", "reason"])
        #expect(Export.table(.plan, of: s).columns == ["unit", "year", "participants", "hours"])
        #expect(
            Export.table(.inspection, of: s).rows == [
                [
                    .text("i1"), unitRef("js.org"), unitRef("nj.fin"),
                    .date(Day(year: 2010, month: 5, day: 12)!), .text("Training files"),
                ]
            ])
    }

    @Test func exportIsInListOrderExceptWhereAReferenceRunsForward() {
        let h = Harness()
        h.run(
            """
            unit add a "A" kind=locality level=city
            unit add b "B" kind=locality level=city
            unit add gone "G" kind=locality level=city
            unit add c "C" kind=locality level=city
            unit remove gone
            unit set a parent=c
            """)
        #expect(Export.table(.unit, of: h.session).rows.map { $0[0].description } == ["b", "c", "a"])
        #expect(h.ids("list units") == ["a", "b", "c"])
        let pieces = Export.table(.unit, of: h.session, slots: Export.slots(.unit, of: h.session).prefix(2))
        #expect(pieces.rows.map { $0[0].description } == ["b", "c"])
    }

    /// Every collection of a session with Unicode, quotes, newlines, every status and removed
    /// records: export as csv, import into a new session, export again: the same tables.
    @Test func whatExportWritesImportReadsBack() throws {
        for script in [everythingScript, generatedScript(units: 12, cadres: 200, courses: 8)] {
            let h = Harness()
            h.run(script)
            let copy = Harness()
            for kind in importOrder {
                let text = csvText(Export.table(kind, of: h.session))
                _ = try CSVImporter.run(kind, into: copy.interpreter, chunks: chunked(Array(text.utf8), 1000))
            }
            for kind in EntityKind.allCases {
                #expect(Export.table(kind, of: copy.session) == Export.table(kind, of: h.session), "\(kind)")
            }
            // The copy dumps like the original, but for list order (export puts units after parents).
            #expect(Dump.script(of: copy.session) == Dump.script(of: h.session))
        }
    }
}
