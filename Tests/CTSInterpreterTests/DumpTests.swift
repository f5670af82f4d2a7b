import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Foundation
import Testing

/// A session with every kind, every optional field present and absent, Unicode and escapes in
/// text, removed records in the middle, re-enrollment, a resolved finding, an exemption and a
/// cadre who left.
let everythingScript = #"""
    unit add root "中华人民共和国 Root" kind=locality level=central
    unit add js "Jiangsu – 江苏省" kind=locality level=province parent=root
    unit add tmp "To be removed" kind=workplace level=county
    unit add js.ps "Escuela del Partido – España ñ" kind=institution level=province parent=js
    unit add late "Late child 🚀" kind=department level=city
    unit add lg "Leading group \"A\" \\ back" kind=leading-group level=city parent=js
    unit add "2009" "Numeric id" kind=workplace level=township parent=js
    unit add in "Keyword id" kind=department level=county parent=js
    unit remove tmp
    unit add parent2 "Added after its child" kind=locality level=city parent=js
    unit set late parent=parent2
    cadre add c1 "李伟" unit=js rank=county category=leading born=1966
    cadre add c2 "José Ñúñez \"Pepe\"" unit=js.ps rank=staff category=civil-servant
    cadre add gone "Removed" unit=js rank=staff category=trainer
    cadre add c3 "Line one\nline two\ttab 😀\u{7}" unit=late rank=bureau category=technical born=1970
    cadre add from "Keyword" unit=in rank=national category=grassroots
    cadre add c4 "Leaves later" unit="2009" rank=province category=enterprise born=1955
    cadre remove gone
    course add k1 "Outlook – 科学发展观" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
    course add kx "Removed course" kind=online provider=js.ps start=2009-01-01 end=2009-01-02 hours=1
    course add k2 "Finance, \"basics\"" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12 capacity=2 organizer=lg
    course add k3 "Lecture" kind=lecture provider=js.ps start=2010-06-01 end=2010-06-01 hours=2.5
    course remove kx
    enroll c1,c2 in k1
    complete c1 in k1
    complete c2 in k1 hours=150.5 date=2009-04-01
    enroll c1,c2 in k2
    withdraw c2 in k2
    enroll c3 in k2
    enroll c2 in k3
    withdraw c2 in k3
    enroll c2 in k3
    enroll from in k3
    absent from in k3
    enroll c4 in k1
    complete c4 in k1
    cadre set c4 status=left
    rule add lead5y "Leading: 550 hours in 5 years" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation,short-term
    rule add quote "Name with \"quote\"" for=(name contains "\"Pepe\"" or unit under js) period=2009-01-01..2009-06-30 days=2
    rule add yearly "Every cadre" for=(status = active) period=2009 hours=90
    exempt c3 from lead5y reason="Secondment – 借调 \"abroad\""
    budget set js 2009 funds=1200000 revenue=3.2e10
    budget set js.ps 2010 funds=1.5 revenue=0.25 spent=0.125
    plan set js 2010 participants=40 hours=3600
    plan set "2009" 2011 participants=0 hours=7.5
    inspection add i1 by=js unit=js.ps date=2010-05-12 scope="Training files\\2010"
    inspection add i2 by=js unit=late date=2010-06-01
    finding add f1 inspection=i1 "Records incomplete – 记录" severity=medium due=2010-08-31
    finding add f2 inspection=i2 "Open finding" severity=high due=2010-09-30
    finding add fx inspection=i2 "remove me" severity=low due=2010-09-30
    finding resolve f1 date=2010-08-15
    finding remove fx
    practice add p1 unit=js year=2010 "Evening classes 🌙" promoted=yes
    practice add p2 unit=late year=2011 "Not promoted"
    """#

let everythingDump = #"""
    # cts session dump
    # format 1: run it in a new session to rebuild this one

    unit add root "中华人民共和国 Root" kind=locality level=central
    unit add js "Jiangsu – 江苏省" kind=locality level=province parent=root
    unit add js.ps "Escuela del Partido – España ñ" kind=institution level=province parent=js
    unit add lg "Leading group \"A\" \\ back" kind=leading-group level=city parent=js
    unit add "2009" "Numeric id" kind=workplace level=township parent=js
    unit add in "Keyword id" kind=department level=county parent=js
    unit add parent2 "Added after its child" kind=locality level=city parent=js
    unit add late "Late child 🚀" kind=department level=city parent=parent2

    cadre add c1 "李伟" unit=js rank=county category=leading born=1966
    cadre add c2 "José Ñúñez \"Pepe\"" unit=js.ps rank=staff category=civil-servant
    cadre add c3 "Line one\nline two\ttab 😀\u{7}" unit=late rank=bureau category=technical born=1970
    cadre add from "Keyword" unit=in rank=national category=grassroots
    cadre add c4 "Leaves later" unit="2009" rank=province category=enterprise born=1955

    course add k1 "Outlook – 科学发展观" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
    course add k2 "Finance, \"basics\"" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 hours=90 capacity=2 organizer=lg
    course add k3 "Lecture" kind=lecture provider=js.ps start=2010-06-01 end=2010-06-01 hours=2.5

    enroll c1 in k1
    complete c1 in k1 hours=300 date=2009-04-24
    enroll c2 in k1
    complete c2 in k1 hours=150.5 date=2009-04-01
    enroll c1 in k2
    enroll c2 in k2
    withdraw c2 in k2
    enroll c3 in k2
    enroll c2 in k3
    enroll from in k3
    absent from in k3
    enroll c4 in k1
    complete c4 in k1 hours=300 date=2009-04-24

    budget set js 2009 funds=1200000 revenue=32000000000
    budget set js.ps 2010 funds=1.5 revenue=0.25 spent=0.125

    plan set js 2010 participants=40 hours=3600
    plan set "2009" 2011 participants=0 hours=7.5

    inspection add i1 by=js unit=js.ps date=2010-05-12 scope="Training files\\2010"
    inspection add i2 by=js unit=late date=2010-06-01

    finding add f1 inspection=i1 "Records incomplete – 记录" severity=medium due=2010-08-31
    finding resolve f1 date=2010-08-15
    finding add f2 inspection=i2 "Open finding" severity=high due=2010-09-30

    practice add p1 unit=js year=2010 "Evening classes 🌙" promoted=yes
    practice add p2 unit=late year=2011 "Not promoted" promoted=no

    rule add lead5y "Leading: 550 hours in 5 years" for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation,short-term
    rule add quote "Name with \"quote\"" for=(name contains "\"Pepe\"" or unit under js) period=2009-01-01..2009-06-30 hours=15
    rule add yearly "Every cadre" for=(status = active) period=2009..2009 hours=90

    exempt c3 from lead5y reason="Secondment – 借调 \"abroad\""

    cadre set c4 status=left

    """#

/// Every record of every kind as `list` shows it, for comparing two sessions.
func exported(_ session: Session) -> [EntityKind: ResultTable] {
    Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0, Export.table($0, of: session)) })
}

/// Runs a dump in a new session, checks it rebuilds the same records in the same order and
/// dumps to the same bytes; returns the new harness.
@discardableResult
func checkRoundTrip(_ original: Harness, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Harness {
    let first = Dump.script(of: original.session)
    let rebuilt = Harness()
    rebuilt.run(first, sourceLocation: sourceLocation)
    let second = Dump.script(of: rebuilt.session)
    #expect(second == first, sourceLocation: sourceLocation)
    #expect(Array(second.utf8) == Array(first.utf8), sourceLocation: sourceLocation)
    // Same records in the same order; units and rules may move up behind what they depend on.
    var before = exported(original.session), after = exported(rebuilt.session)
    for kind in [EntityKind.unit, .rule] {
        before[kind]!.rows.sort { $0[0].description < $1[0].description }
        after[kind]!.rows.sort { $0[0].description < $1[0].description }
    }
    #expect(after == before, sourceLocation: sourceLocation)
    return rebuilt
}

@Suite struct DumpTests {
    @Test func dumpsEveryKindInDependencyOrderWithEveryField() {
        let h = Harness()
        h.run(everythingScript)
        #expect(Dump.script(of: h.session) == everythingDump)
    }

    @Test func roundTripIsByteIdenticalAndKeepsEveryRecord() {
        let h = Harness()
        h.run(everythingScript)
        let rebuilt = checkRoundTrip(h)
        // Rules, exemptions and compliance work in the rebuilt session as in the original.
        for condition in ["applies(lead5y)", "compliant(yearly)", "applies(quote)", "hours(2009) > 100"] {
            #expect(rebuilt.count("cadres", where: condition) == h.count("cadres", where: condition), "\(condition)")
        }
    }

    @Test func emptySessionIsJustTheHeader() {
        #expect(Dump.script(of: Session()) == Dump.header)
        checkRoundTrip(Harness())
    }

    @Test func quotesTextSoAnyUnicodeComesBack() {
        #expect(Dump.quoted("Li Wei") == #""Li Wei""#)
        #expect(Dump.quoted(#"a "b" \c"#) == #""a \"b\" \\c""#)
        #expect(Dump.quoted("1\n2\t3\r4\u{0}5\u{1B}6\u{7F}7\u{85}8") == #""1\n2\t3\u{D}4\u{0}5\u{1B}6\u{7F}7\u{85}8""#)
        #expect(Dump.quoted("张敏 ñ 😀 e\u{301} \u{2028} \u{FEFF}") == "\"张敏 ñ 😀 e\u{301} \u{2028} \u{FEFF}\"")
        for text in ["", "\\", "\"", "\\n", "a\u{0}b", "\u{9F}", "🇨🇳", "\u{10FFFF}", "x\r\ny"] {
            var lexer = Lexer(text: Dump.quoted(text), fileID: 0)
            #expect(lexer.next().kind == .string(text), "\(text.debugDescription)")
        }
    }

    @Test func writesIdsBareWhenTheyAreOneWord() {
        #expect(Dump.word("js.org") == "js.org")
        #expect(Dump.word("c-0001") == "c-0001")
        #expect(Dump.word("_x/y") == "_x/y")
        #expect(Dump.word("张三") == "张三")
        #expect(Dump.word("3rd") == "3rd")
        #expect(Dump.word("2009") == #""2009""#)
        #expect(Dump.word("1e5") == #""1e5""#)
        #expect(Dump.word("2009-03-02") == #""2009-03-02""#)
        #expect(Dump.word("2008..2012") == #""2008..2012""#)
        #expect(Dump.word("a=b") == #""a=b""#)
        #expect(Dump.word("-x") == #""-x""#)
        #expect(Dump.word("x#y") == #""x#y""#)
        #expect(Dump.word("a\"b") == #""a\"b""#)
        #expect(Dump.word("😀") == #""😀""#)
    }

    @Test func oddIdsRoundTrip() {
        let h = Harness()
        h.run(
            #"""
            unit add "1e5" "U" kind=locality level=city
            unit add "a=b" "U" kind=institution level=city parent="1e5"
            cadre add "2009-03-02" "C" unit="1e5" rank=staff category=leading
            cadre add "x#y" "C" unit="a=b" rank=staff category=leading
            cadre add "😀" "C" unit="a=b" rank=staff category=leading
            course add "2008..2012" "K" kind=online provider="a=b" start=2009-01-01 end=2009-01-02 hours=1
            enroll "2009-03-02","x#y","😀" in "2008..2012"
            rule add "r\"1" "R" for=(id != "😀") period=2009 hours=1
            exempt "x#y" from "r\"1" reason="r"
            """#)
        let text = Dump.script(of: h.session)
        #expect(text.contains(#"enroll "2009-03-02" in "2008..2012""#))
        #expect(text.contains(#"exempt "x#y" from "r\"1" reason="r""#))
        checkRoundTrip(h)
    }

    @Test func unitsComeAfterTheirParentsOtherwiseInSlotOrder() {
        let h = Harness()
        h.run(
            """
            unit add a "A" kind=locality level=city
            unit add b "B" kind=locality level=city
            unit add c "C" kind=locality level=city
            unit add d "D" kind=locality level=city
            unit set a parent=c
            unit set c parent=d
            """)
        let units = Dump.script(of: h.session).split(separator: "\n").filter { $0.hasPrefix("unit add") }
        #expect(units.map { $0.split(separator: " ")[2] } == ["b", "d", "c", "a"])
        checkRoundTrip(h)
    }

    @Test func rulesComeAfterTheRulesTheirConditionsUse() {
        let h = Harness()
        h.run(
            """
            unit add u "U" kind=locality level=city
            rule add r1 "R1" for=(status = active) period=2009 hours=1
            rule add r2 "R2" for=(status = active) period=2009 hours=1
            rule add r3 "R3" for=(status = active) period=2009 hours=1
            rule set r1 for=(applies(r3) and hours(r2) > 0)
            """)
        let rules = Dump.script(of: h.session).split(separator: "\n").filter { $0.hasPrefix("rule add") }
        #expect(rules.map { $0.split(separator: " ")[2] } == ["r2", "r3", "r1"])
        checkRoundTrip(h)
    }

    /// A place taken (again) by an earlier slot before a later enrollment that was withdrawn:
    /// replaying in slot order needs a place for the withdrawn one, so the capacity comes last.
    @Test func capacityIsSetLastWhenTheReplayWouldOverfillIt() {
        let h = Harness()
        h.run(
            """
            unit add u "U" kind=institution level=city
            cadre add c1 "A" unit=u rank=staff category=leading
            cadre add c2 "B" unit=u rank=staff category=leading
            course add k "K" kind=online provider=u start=2009-01-01 end=2009-01-02 hours=8 capacity=1
            enroll c1 in k
            withdraw c1 in k
            enroll c2 in k
            withdraw c2 in k
            enroll c1 in k
            """)
        let text = Dump.script(of: h.session)
        #expect(text.contains("course add k \"K\" kind=online provider=u start=2009-01-01 end=2009-01-02 hours=8\n"))
        #expect(text.hasSuffix("\ncourse set k capacity=1\n"))
        checkRoundTrip(h)
    }

    /// A withdrawn enrollment frees its place: when the replay never overfills, the capacity
    /// stays on `course add`.
    @Test func withdrawnPlacesAreFreedDuringTheReplay() {
        let h = Harness()
        h.run(
            """
            unit add u "U" kind=institution level=city
            cadre add c1 "A" unit=u rank=staff category=leading
            cadre add c2 "B" unit=u rank=staff category=leading
            course add k "K" kind=online provider=u start=2009-01-01 end=2009-01-02 hours=8 capacity=1
            enroll c1 in k
            withdraw c1 in k
            enroll c2 in k
            """)
        let text = Dump.script(of: h.session)
        #expect(text.contains("hours=8 capacity=1\n"))
        #expect(text.hasSuffix("enroll c1 in k\nwithdraw c1 in k\nenroll c2 in k\n"))
        checkRoundTrip(h)
    }

    @Test func coursesAndInspectionsChangedAfterTheFactAreSetLast() {
        let h = Harness()
        h.run(
            """
            unit add u "U" kind=institution level=city
            cadre add c1 "A" unit=u rank=staff category=leading
            course add k "K" kind=online provider=u start=2009-01-01 end=2009-03-01 hours=80
            enroll c1 in k
            complete c1 in k hours=60 date=2009-01-10
            course set k hours=40 start=2009-02-01
            cadre set c1 status=left
            """)
        let text = Dump.script(of: h.session)
        #expect(text.contains("course add k \"K\" kind=online provider=u start=2009-01-10 end=2009-03-01 hours=60\n"))
        #expect(
            text.hasSuffix(
                """

                course set k start=2009-02-01 hours=40
                cadre set c1 status=left

                """))
        checkRoundTrip(h)
    }

    /// Settings that change answers, and the day-hours each course was entered with, come back.
    @Test func settingsAndCourseDayHoursRoundTrip() {
        let h = Harness()
        h.run(
            """
            set today 2009-12-31
            unit add u "U" kind=institution level=city
            course add k1 "Standard" kind=short-term provider=u start=2009-01-01 end=2009-01-05 days=5
            set day-hours 8
            course add k2 "Eight" kind=short-term provider=u start=2009-02-01 end=2009-02-05 days=5
            course add k3 "Eight too" kind=short-term provider=u start=2009-03-01 end=2009-03-05 days=5
            set day-hours 6
            """)
        let text = Dump.script(of: h.session)
        #expect(text.contains("\nset today 2009-12-31\n"))
        #expect(text.contains("hours=37.5\nset day-hours 8\ncourse add k2 "))
        #expect(text.hasSuffix("\nset day-hours 6\n"))
        let rebuilt = checkRoundTrip(h)
        #expect(rebuilt.session.settings == h.session.settings)
        #expect(rebuilt.session.courses.slots.map { rebuilt.session.courses[$0]!.dayHours } == [7.5, 8, 8])
    }

    /// A generated province: many records, Unicode names from several scripts, removals
    /// scattered through every kind, every enrollment status.
    @Test func generatedSessionRoundTrips() {
        let h = Harness()
        h.run(generatedScript(units: 40, cadres: 600, courses: 30))
        let start = Date()
        let rebuilt = checkRoundTrip(h)
        print("dump round trip of \(h.session.enrollments.count) enrollments: \(Date().timeIntervalSince(start)) s")
        #expect(rebuilt.session.cadres.count == h.session.cadres.count)
        #expect(h.session.enrollments.count > 1000)
    }
}

/// A deterministic script of a province of the given size.
func generatedScript(units: Int, cadres: Int, courses: Int) -> String {
    var seed: UInt64 = 42
    func random(_ n: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(n))
    }
    let names = [
        "王芳", "José Ñúñez", "Zoë \"Z\" O'Neil", "Back\\slash", "Émile\tTab", "Новиков", "محمد", "👩‍💻 Dev",
        "Line\nBreak", "Ελένη", "김민준", "e\u{301}",
    ]
    let ranks = Rank.allCases.map(\.rawValue), categories = Category.allCases.map(\.rawValue)
    var lines = ["unit add u0 \"Root 根\" kind=locality level=province"]
    for i in 1..<units {
        lines.append(
            "unit add u\(i) \(Dump.quoted(names[i % names.count] + " \(i)")) kind=institution level=city parent=u\(random(i))"
        )
    }
    lines.append("unit remove u\(units - 1)")
    for i in 0..<cadres {
        let born = i % 3 == 0 ? "" : " born=\(1950 + random(40))"
        lines.append(
            "cadre add c\(i) \(Dump.quoted(names[random(names.count)])) unit=u\(random(units - 1))"
                + " rank=\(ranks[random(ranks.count)]) category=\(categories[random(categories.count)])\(born)")
    }
    for i in 0..<courses {
        let cap = i % 2 == 0 ? " capacity=\(cadres)" : ""
        lines.append(
            "course add k\(i) \(Dump.quoted("课程 \(i) – \(names[i % names.count])")) kind=\(CourseKind.allCases[i % 8].rawValue)"
                + " provider=u\(1 + random(units - 2)) start=2009-01-0\(1 + i % 9) end=2009-12-2\(i % 9) hours=\(1 + random(100))\(cap)"
        )
    }
    for i in stride(from: 0, to: cadres, by: 50) { lines.append("cadre remove c\(i)") }
    for k in 0..<courses {
        var enrolled: [Int] = []
        for _ in 0..<(cadres / 10) {
            let c = random(cadres)
            if c % 50 == 0 || enrolled.contains(c) { continue }
            enrolled.append(c)
            lines.append("enroll c\(c) in k\(k)")
            switch random(5) {
            case 0: lines.append("complete c\(c) in k\(k)")
            case 1: lines.append("complete c\(c) in k\(k) hours=0.5 date=2009-12-2\(k % 9)")
            case 2: lines.append("absent c\(c) in k\(k)")
            case 3: lines.append("withdraw c\(c) in k\(k)")
            default: break
            }
        }
    }
    lines.append("course remove k3 cascade")
    lines.append(
        "rule add r1 \"Rule – 规则\" for=(rank >= county and name contains \"\\\"Z\\\"\") period=2008..2012 hours=550 kinds=off-job,rotation"
    )
    lines.append("rule add r2 \"Yearly\" for=(applies(r1) or unit under u1) period=2009 days=12")
    for i in stride(from: 1, to: cadres, by: 97) where i % 50 != 0 {
        lines.append("exempt c\(i) from r1 reason=\"Reason \(i) ñ\"")
    }
    for i in stride(from: 7, to: cadres, by: 41) where i % 50 != 0 { lines.append("cadre set c\(i) status=left") }
    for u in 0..<(units - 1) {
        lines.append(
            "budget set u\(u) 2009 funds=\(random(1_000_000)) revenue=3.2e10\(u % 2 == 0 ? " spent=\(random(1000)).5" : "")"
        )
        lines.append("plan set u\(u) 2010 participants=\(random(100)) hours=\(random(9000))")
        lines.append(
            "inspection add i\(u) by=u0 unit=u\(u) date=2010-05-12\(u % 2 == 0 ? " scope=\(Dump.quoted(names[u % names.count]))" : "")"
        )
        lines.append(
            "finding add f\(u) inspection=i\(u) \(Dump.quoted(names[(u + 3) % names.count])) severity=high due=2010-08-31"
        )
        if u % 3 == 0 { lines.append("finding resolve f\(u) date=2010-06-0\(1 + u % 9)") }
        lines.append(
            "practice add p\(u) unit=u\(u) year=2010 \(Dump.quoted(names[(u + 5) % names.count]))\(u % 2 == 0 ? " promoted=yes" : "")"
        )
    }
    lines.append("budget remove u2 2009")
    lines.append("inspection remove i4 cascade")
    lines.append("practice remove p5")
    return lines.joined(separator: "\n") + "\n"
}
