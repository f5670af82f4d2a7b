import CTSDomain
import CTSOutput
import Testing

@Suite struct DelimitedRendererTests {
    @Test func csvHasHeaderAndRowsOnly() {
        expectRendered(
            Renderer.render(Fixtures.cadres, as: .csv),
            """
            id,name,hours,budget,born,rank,active,unit,term,note
            c1,Li Wei,390,32000000000,1970-05-01,county,yes,js.org,2008..2012,
            c3,Zhang Min – 张敏,7.5,,1981-11-23,bureau,no,js.nj,2009,组长 🎉
            c4,Peña Núñez,0.25,-12,,staff,,,,ñ
            """)
    }

    @Test func csvQuotesOnlyWhereNeeded() {
        let table = Fixtures.texts(
            "note, with comma",
            [
                "plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "  spaced", "it's", "tab\there", "\"", "",
            ])
        expectRendered(
            Renderer.render(table, as: .csv),
            #"""
            "note, with comma"
            plain
            "a,b"
            "say ""hi"""
            "line
            break"
            "cr\#rhere"
              spaced
            it's
            tab\#there
            """"
            ""
            """#)
    }

    @Test func csvEmptyFieldsInWiderRowsStayBare() {
        let table = ResultTable(columns: ["a", "b", "c"], rows: [[.null, .text(""), .null], [.text("x")]])
        expectRendered(
            Renderer.render(table, as: .csv),
            """
            a,b,c
            ,,
            x,,
            """)
    }

    @Test func csvOfNoRowsIsTheHeader() {
        expectRendered(Renderer.render(ResultTable(columns: ["unit", "count"]), as: .csv), "unit,count")
    }

    @Test func tsvUsesTabs() {
        expectRendered(
            Renderer.render(Fixtures.cadres, as: .tsv),
            """
            id\tname\thours\tbudget\tborn\trank\tactive\tunit\tterm\tnote
            c1\tLi Wei\t390\t32000000000\t1970-05-01\tcounty\tyes\tjs.org\t2008..2012\t
            c3\tZhang Min – 张敏\t7.5\t\t1981-11-23\tbureau\tno\tjs.nj\t2009\t组长 🎉
            c4\tPeña Núñez\t0.25\t-12\t\tstaff\t\t\t\tñ
            """)
    }

    @Test func tsvEscapesTabsAndLineBreaks() {
        let table = ResultTable(
            columns: ["tab\there", "b"],
            rows: [
                [.text("a\tb"), .text("line\nbreak")],
                [.text("cr\r"), .text("back\\slash\tand tab")],
                [.text(#"C:\tmp, "as is""#), .text("a,b")],
            ])
        expectRendered(
            Renderer.render(table, as: .tsv),
            #"""
            tab\there	b
            a\tb	line\nbreak
            cr\r	back\\slash\tand tab
            C:\tmp, "as is"	a,b
            """#)
    }
}
