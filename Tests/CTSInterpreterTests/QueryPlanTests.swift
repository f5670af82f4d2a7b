import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// The shortcuts queries take (a condition's scope of units, the first rows of a sorted list,
/// counting per unit): each must give what testing every record would.
@Suite struct QueryPlanTests {
    let h = Harness.workshop()

    /// The scope the planner reads from a condition over cadres.
    func scope(_ condition: String) -> CadreScope? {
        do {
            return try h.interpreter.compileCondition(condition, name: "<test>").scope
        } catch {
            Issue.record("\(error)")
            return nil
        }
    }

    func unit(_ id: String) -> Int { h.session.slot(.unit, id: id)! }

    /// The ids a list gives, and the ids a scan gives for the same condition (`or no` hides
    /// the scope from the planner without changing what matches).
    func listedBothWays(_ condition: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let planned = h.ids("list cadres where \(condition) columns id", sourceLocation: sourceLocation)
        let scanned = h.ids("list cadres where (\(condition)) or no columns id", sourceLocation: sourceLocation)
        #expect(planned == scanned, sourceLocation: sourceLocation)
        return planned
    }

    @Test func onlyTheCadresOwnUnitInAConjunctionGivesAScope() {
        #expect(scope("unit under nj") == .under(unit("nj")))
        #expect(scope("rank >= county and unit under nj") == .under(unit("nj")))
        #expect(scope("rank >= county and (unit under nj and born > 1900)") == .under(unit("nj")))
        #expect(scope("unit under js and unit = nj.fin and rank >= county") == .unit(unit("nj.fin")))
        #expect(scope("nj.fin = unit") == .unit(unit("nj.fin")))
        #expect(scope("unit under nj or rank >= county") == nil)
        #expect(scope("not unit under nj") == nil)
        #expect(scope("not (unit under nj and rank >= county)") == nil)
        #expect(scope("unit != nj.fin") == nil)
        #expect(scope("unit.parent under nj") == nil)
        #expect(scope("unit.parent = nj") == nil)
        #expect(scope("(unit under nj) = no") == nil)
        #expect(scope("applies(lead5y) and unit under nj") == .under(unit("nj")))
    }

    @Test func aScopeFollowsUnitsAndCadresAddedMovedAndRemoved() {
        #expect(listedBothWays("unit under nj") == ["c1", "c2"])
        h.run(
            """
            unit add nj.edu "Nanjing Education Bureau" kind=department level=city parent=nj
            unit add sz "Suzhou" kind=locality level=city parent=js
            unit add sz.fin "Suzhou Finance Bureau" kind=department level=city parent=sz
            cadre add c4 "Chen Jie" unit=nj.edu rank=bureau category=leading
            cadre add c5 "Zhou Lan" unit=sz.fin rank=county category=leading
            """)
        #expect(listedBothWays("unit under nj") == ["c1", "c2", "c4"])
        h.run("unit set sz parent=nj")
        #expect(listedBothWays("unit under nj") == ["c1", "c2", "c4", "c5"])
        #expect(listedBothWays("unit under nj and rank >= county") == ["c1", "c4", "c5"])
        // A cadre moved out, then back in: slot order, not the order of the unit lists.
        h.run("cadre set c1 unit=js.org")
        #expect(listedBothWays("unit under nj") == ["c2", "c4", "c5"])
        h.run("cadre set c1 unit=sz.fin")
        #expect(listedBothWays("unit under nj") == ["c1", "c2", "c4", "c5"])
        #expect(listedBothWays("unit = sz.fin") == ["c1", "c5"])
        h.run("cadre remove c5 cascade")
        h.run("unit set sz parent=js")
        #expect(listedBothWays("unit under nj") == ["c2", "c4"])
        #expect(listedBothWays("unit under sz") == ["c1"])
        h.run("undo 2")
        #expect(listedBothWays("unit under nj") == ["c1", "c2", "c4", "c5"])
        h.run("cadre set c4 unit=nj.fin")
        h.run("unit remove nj.edu")
        #expect(listedBothWays("unit under nj") == ["c1", "c2", "c4", "c5"])
        #expect(listedBothWays("unit under js and not unit under nj") == ["c3"])
        #expect(listedBothWays("unit under nj or unit = js.org") == ["c1", "c2", "c3", "c4", "c5"])
    }

    /// An enumeration field against a fixed value compares positions: every operator, either
    /// side, agrees with comparing the values (`or no` keeps the general form).
    @Test func enumerationComparisonsAgreeWithComparingValues() {
        addManyCadres()
        for op in ["=", "!=", "<", "<=", ">", ">="] {
            for condition in ["rank \(op) county", "county \(op) rank"] {
                _ = listedBothWays(condition)
                _ = listedBothWays("unit under nj and \(condition)")
            }
        }
        // Only ranks (and severities) are ordered: the others compare for equality.
        for op in ["=", "!="] {
            _ = listedBothWays("category \(op) leading")
            _ = listedBothWays("unit.level \(op) city")
            _ = listedBothWays("city \(op) unit.level and unit under js")
        }
        _ = listedBothWays("status = active and category != leading")
    }

    /// A conjunction tested on the cadres of its scope leaves out only the terms the scope
    /// decides: the others still filter.
    @Test func theTermsAScopeDoesNotDecideAreStillTested() {
        addManyCadres()
        #expect(scope("unit under nj and unit under js") == .under(unit("nj")))
        _ = listedBothWays("unit under nj and unit under js")
        _ = listedBothWays("unit under js and unit = nj.fin and rank >= county")
        _ = listedBothWays("unit = nj.fin and unit under nj and rank = staff")
        _ = listedBothWays("unit = nj.fin and unit = js.org")
        _ = listedBothWays("(unit under nj and rank >= county) and (unit under nj and name contains \"1\")")
        _ = listedBothWays("unit under nj and (unit = nj.fin or rank = bureau)")
        #expect(h.count("cadres", where: "unit = nj.fin and unit = js.org") == 0)
    }

    @Test func countsAndStatsUseTheScopeToo() {
        #expect(h.count("cadres", where: "unit under nj and rank >= county") == 1)
        let stats = h.rows("stats born of cadres where unit = nj.fin by rank")
        #expect(stats.count == 2)
        #expect(h.rows("count cadres where unit under js.ps") == [[.number(0)]])
    }

    /// Enough cadres that a short limit keeps only the best rows seen (more than 8 per row).
    func addManyCadres() {
        let ranks = ["staff", "county", "bureau", "township"]
        var script = ""
        for i in 0..<60 {
            let unit = ["nj.fin", "js.org", "nj"][i % 3]
            script += "cadre add m\(i) \"M \(i % 7)\" unit=\(unit) rank=\(ranks[(i * 7) % 4]) category=leading\n"
        }
        h.run(script)
    }

    @Test func aShortLimitGivesTheFirstRowsOfTheWholeSort() {
        addManyCadres()
        for sort in ["rank desc", "rank", "name desc, rank", "unit, name", "born"] {
            let all = h.ids("list cadres sort \(sort) columns id")
            for limit in [0, 1, 3, 7, 20] {
                let first = h.ids("list cadres sort \(sort) limit \(limit) columns id")
                #expect(first == Array(all.prefix(limit)), "sort \(sort) limit \(limit)")
            }
        }
        let all = h.ids("list cadres where unit under nj and rank >= county sort rank desc, name columns id")
        let first = h.ids("list cadres where unit under nj and rank >= county sort rank desc, name limit 4 columns id")
        #expect(first == Array(all.prefix(4)))
    }

    @Test func firstMatchesSortingEverything() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let rows = (0..<Int.random(in: 0..<300, using: &generator)).map { ($0, Int.random(in: 0..<10)) }
            let precedes = { (a: (Int, Int), b: (Int, Int)) in a.1 != b.1 ? a.1 < b.1 : a.0 < b.0 }
            let sorted = rows.sorted(by: precedes)
            for limit in [0, 1, 5, 30, 400] {
                let first = QueryPlan.first(limit, of: rows, by: precedes)
                #expect(first.map(\.0) == sorted.prefix(limit).map(\.0))
            }
        }
    }

    /// A count by a field of the unit, beside the same count by the field read per cadre.
    func groupedBothWays(_ query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [[Value]] {
        let planned = h.rows(query, sourceLocation: sourceLocation)
        var tally: [String: Int] = [:]
        let field = query.components(separatedBy: " by ").last!
        let condition = query.contains(" where ") ? query.components(separatedBy: " where ")[1] : nil
        let list = "list cadres" + (condition.map { " where " + $0.components(separatedBy: " by ")[0] } ?? "")
        for row in h.rows("\(list) columns \(field)", sourceLocation: sourceLocation) {
            tally[row[0].description, default: 0] += 1
        }
        var counted: [String: Double] = [:]
        for row in planned { counted[row[0].description] = row[1].number?.double ?? -1 }
        #expect(counted == tally.mapValues { Double($0) }, sourceLocation: sourceLocation)
        return planned
    }

    @Test func countsByAFieldOfTheUnitFollowTheUnits() {
        addManyCadres()
        for field in ["unit.level", "unit.parent", "unit", "unit.kind", "unit.parent.level"] {
            _ = groupedBothWays("count cadres by \(field)")
            _ = groupedBothWays("count cadres where rank >= county by \(field)")
        }
        h.run("unit set nj level=province")
        h.run("cadre set m0 unit=js.ps")
        h.run("cadre remove m1 cascade")
        let rows = groupedBothWays("count cadres by unit.level")
        #expect(rows.map { $0[0] } == [.enumeration(Level.province.enumValue), .enumeration(Level.city.enumValue)])
        _ = groupedBothWays("count cadres by unit.parent")
        _ = groupedBothWays("count cadres where applies(lead5y) and not compliant(lead5y) by unit.parent")
        // stats reads every cadre, not a count per unit: the same groups.
        let stats = h.rows("stats born of cadres by unit.level")
        #expect(stats.map { $0[0] } == rows.map { $0[0] })
    }

    /// The one pass adds hours in 32 bits: a cadre past two million hours, or with one course
    /// past it, is added up again and gets the same sum as on its own.
    @Test func hugeHoursInTheOnePassAgreeWithEachCadresOwn() {
        var script = """
            course add k4 "Rotation" kind=rotation provider=js.ps start=2010-01-04 end=2010-02-26 hours=3000000
            course add k6 "Rotation 2" kind=rotation provider=js.ps start=2010-03-01 end=2010-04-26 hours=3000000

            """
        let ids = (0..<100).map { "g\($0)" }
        for id in ids { script += "cadre add \(id) \"G\" unit=nj.fin rank=county category=leading\n" }
        script +=
            "enroll g1 in k4\ncomplete g1 in k4 hours=1500000\nenroll g1 in k6\ncomplete g1 in k6 hours=1500000.5\n"
        script += "enroll g2 in k4\ncomplete g2 in k4 hours=3000000\nenroll g3 in k4\ncomplete g3 in k4 hours=12.5\n"
        h.run(script)
        let listed = h.rows("list cadres columns id, hours(lead5y)")
        #expect(listed.count == ids.count + 3)
        for row in listed {
            #expect(row[1] == h.value("hours(lead5y) of cadre \(row[0].description)"), "\(row[0])")
        }
        #expect(h.value("hours(lead5y) of cadre g1") == .number(Number(text: "3000000.5")!))
        #expect(h.rows("list cadres where id = g2 columns hours(lead5y)") == [[.number(3_000_000)]])
    }

    /// Enough cadres with hours that `compliant` and `hours` over all of them switch to one
    /// pass over the enrollments: each must still agree with the cadre's own sum.
    @Test func hoursOverManyCadresAgreeWithEachCadresOwn() {
        var script = """
            course add k4 "Rotation" kind=rotation provider=js.ps start=2010-01-04 end=2010-02-26 hours=600
            course add k5 "Seminar" kind=lecture provider=js.ps start=2010-03-01 end=2010-03-02 hours=20

            """
        let ids = (0..<150).map { "h\($0)" }
        for id in ids { script += "cadre add \(id) \"H\" unit=nj.fin rank=county category=leading\n" }
        for (i, id) in ids.enumerated() {
            script += "enroll \(id) in k4\nenroll \(id) in k5\ncomplete \(id) in k5\n"
            if i % 3 != 0 { script += "complete \(id) in k4 hours=\(i % 2 == 0 ? "550" : "549.5")\n" }
            if i % 10 == 0 { script += "enroll \(id) in k1\ncomplete \(id) in k1 hours=0.1\n" }
        }
        h.run(script)
        let listed = h.rows("list cadres columns id, hours(lead5y), compliant(lead5y)")
        #expect(listed.count == ids.count + 3)
        for row in listed {
            let id = row[0].description
            #expect(row[1] == h.value("hours(lead5y) of cadre \(id)"), "\(id)")
            #expect(row[2] == h.value("compliant(lead5y) of cadre \(id)"), "\(id)")
        }
        let compliant = listed.filter { $0[2] == .bool(true) }.count
        #expect(h.count("cadres", where: "compliant(lead5y)") == Double(compliant))
        // A kept condition using compliant() follows later changes.
        h.run("rule add follow \"x\" for=(compliant(lead5y)) period=2010 hours=1")
        let before = h.count("cadres", where: "applies(follow)")
        #expect(before == Double(compliant))
        h.run("complete h0 in k4 hours=600")
        #expect(h.count("cadres", where: "applies(follow)") == Double(compliant + 1))
        h.run("rule set lead5y hours=10")
        let now = h.count("cadres", where: "compliant(lead5y)") ?? 0
        #expect(now > Double(compliant + 1))
        #expect(h.count("cadres", where: "applies(follow)") == now)
        h.run("undo 2")
        #expect(h.count("cadres", where: "applies(follow)") == before)
    }
}
