import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Foundation
import Testing

/// Conditions generated over thousands of ids (issue 7, item 18): a flat chain of `or`, `and`
/// or `+` of any length parses, binds and runs without deep recursion. Tests run on threads
/// with small stacks, where a recursive walk of 5,000 terms used to overflow and crash.
@Suite struct LongChainTests {
    static let terms = 5000

    func harness() -> Harness {
        let h = Harness()
        h.run(
            """
            unit add js "Jiangsu" kind=locality level=province
            cadre add c1 "Li Wei" unit=js rank=county category=leading
            cadre add c2 "Wang Fang" unit=js rank=staff category=civil-servant
            cadre add c3 "Zhang Min" unit=js rank=bureau category=leading
            """)
        return h
    }

    /// `id = c1 or id = c2 or id = c3 or id = c1 or …`, `terms` terms.
    func orChain(_ terms: Int = LongChainTests.terms) -> String {
        (0..<terms).map { "id = c\($0 % 3 + 1)" }.joined(separator: " or ")
    }

    @Test func longOrChainInAList() {
        let h = harness()
        #expect(h.ids("list cadres where \(orChain()) columns id") == ["c1", "c2", "c3"])
        let and = (0..<Self.terms).map { _ in "rank >= staff" }.joined(separator: " and ")
        #expect(h.count("cadres", where: and) == 3)
        let mixed = (0..<Self.terms).map { "id = c\($0 % 2 + 1) and rank >= staff" }.joined(separator: " or ")
        #expect(h.count("cadres", where: mixed) == 2)
    }

    @Test func longArithmeticChains() {
        let h = harness()
        let ones = Array(repeating: "1", count: Self.terms)
        #expect(h.value(ones.joined(separator: " + ")) == .number(Number(Self.terms)))
        #expect(h.value("10 " + String(repeating: "- 1 + 1 ", count: Self.terms)) == .number(10))
        #expect(h.value(Array(repeating: "2", count: 40).joined(separator: " * ")) == .number(Number(1 << 40)))
        // A date stays a date through the whole run of `+ N`.
        #expect(h.value("2009-01-01 + " + ones.joined(separator: " + ")) == .date(Day(year: 2022, month: 9, day: 10)!))
        // Each step is typed against the value so far.
        #expect(
            h.failure("print 1 + 2 + 2009-01-01")?.is(BindProblem.needsType("'+'", "a number", found: "a date")) == true
        )
    }

    @Test func longChainInARuleCondition() {
        let h = harness()
        h.run("rule add many \"Many\" for=(\(orChain())) period=2008..2012 hours=10")
        let table = h.table("report compliance many")
        #expect(table?.rows.first?.first == .number(3))
    }

    @Test func shortChainsKeepTheirMeaning() {
        let h = harness()
        #expect(h.value("10 - 2 - 3") == .number(5))
        #expect(h.value("2 * 3 / 4 * 2") == .number(3))
        #expect(h.count("cadres", where: "id = c1 or id = c2 or id = c3 and rank = staff") == 2)
        #expect(h.count("cadres", where: "rank = staff or rank = bureau or rank = county") == 3)
    }

    @Test func inWithAHundredThousandValuesIsHashed() {
        let h = harness()
        let names = (0..<100_000).map { "\"n\($0)\"" }.joined(separator: ", ")
        let started = Date()
        #expect(h.count("cadres", where: "name in (\(names), \"Wang Fang\")") == 1)
        #expect(h.count("cadres", where: "born in (\((1900..<2000).map(String.init).joined(separator: ", ")))") == 0)
        #expect(h.count("cadres", where: "rank in (county, staff)") == 2)
        // Debug build: parsing and binding 100,000 values takes a few seconds at most.
        #expect(Date().timeIntervalSince(started) < 20)
    }
}
