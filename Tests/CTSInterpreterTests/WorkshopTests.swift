import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// The spec's example (§7) runs as written, and its asserts hold for the right reasons.
@Suite struct WorkshopTests {
    @Test func theAssertsOfTheExampleHold() {
        let h = Harness.workshop()
        let effects = h.run(
            """
            assert hours(2009) of cadre c1 = 390 "c1 has k1 (300) and k2 (90)"
            assert count(cadres where compliant(lead5y)) = 0
            assert count(cadres where applies(lead5y)) = 2
            assert count(cadres where compliant(yearly)) = 2
            """)
        #expect(effects == [])
    }

    @Test func aFailingAssertNamesBothSides() {
        let h = Harness.workshop()
        let d = h.failure("assert hours(2009) of cadre c1 = 391 \"c1 has k1 (300) and k2 (90)\"")
        #expect(d?.is(RunProblem.assertionFailed(text: "c1 has k1 (300) and k2 (90)")) == true)
        #expect(d?.notes == ["the left side is 390, the right side 391"])
        #expect(h.text(at: d?.range) == "hours(2009) of cadre c1 = 391")
        let plain = h.failure("assert count(cadres where compliant(lead5y)) > 0")
        #expect(plain?.is(RunProblem.assertionFailed(text: nil)) == true)
        #expect(plain?.notes == ["the left side is 0, the right side 0"])
    }

    @Test func theListOfTheExample() {
        let h = Harness.workshop()
        let effects = h.run(
            "list cadres where unit under js sort rank desc columns id, name, rank, hours(lead5y) as csv")
        guard case .table(let t, let format, nil)? = effects.first else {
            Issue.record("no table: \(effects)")
            return
        }
        #expect(format == "csv")
        #expect(t.columns == ["id", "name", "rank", "hours(lead5y)"])
        #expect(
            t.rows == [
                [.text("c3"), .text("Zhang Min – 张敏"), rank(.bureau), .number(300)],
                [.text("c1"), .text("Li Wei"), rank(.county), .number(390)],
                [.text("c2"), .text("Wang Fang"), rank(.staff), .number(0)],
            ])
    }

    @Test func theRecordsOfTheExample() {
        let h = Harness.workshop()
        let s = h.session
        #expect(s.count(.unit) == 5 && s.count(.cadre) == 3 && s.count(.course) == 3 && s.count(.rule) == 2)
        #expect(
            s.count(.enrollment) == 5 && s.count(.budget) == 2 && s.count(.inspection) == 1 && s.count(.finding) == 1)
        // days=12 is 90 class hours; the title with an en dash and Chinese comes back intact.
        #expect(h.value("hours of course k2") == .number(90))
        #expect(h.value("hours of rule yearly") == .number(90))
        #expect(h.value("name of cadre c3") == .text("Zhang Min – 张敏"))
        #expect(h.value("scope of inspection i1") == .text("Training files"))
        #expect(h.value("status of finding f1") == .enumeration(FindingStatus.open.enumValue))
    }
}
