import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Foundation
import Testing

/// `generate province`: a synthetic province that is the same for the same size and seed,
/// valid cts, one undoable step, and only into an empty session.
@Suite struct ProvinceGeneratorTests {
    @Test func theSameSizeAndSeedGiveTheSameProvinceAndAnotherSeedAnother() {
        let a = ProvinceGenerator(cadres: 300, seed: 7).script()
        #expect(a == ProvinceGenerator(cadres: 300, seed: 7).script())
        #expect(a != ProvinceGenerator(cadres: 300, seed: 8).script())
    }

    @Test func theShapeGrowsWithTheCadresToAProvincesNumberOfUnits() {
        let demo = ProvinceGenerator.demo.shape
        #expect(demo.cities == 3 && demo.countiesPerCity == 2 && demo.townshipsPerCounty == 0 && demo.courses == 100)
        // A province of a million cadres has 10 to 30 thousand units (the brief's scale).
        let million = ProvinceGenerator(cadres: 1_000_000).shape
        #expect((10_000...30_000).contains(million.units), "\(million)")
        #expect(ProvinceGenerator(cadres: 1).shape.courses == 40)
    }

    @Test func itRunsAsAScriptAndHoldsWhatItSays() throws {
        let h = Harness()
        let effects = h.run("generate province cadres=1000 seed=3")
        let shape = ProvinceGenerator(cadres: 1000, seed: 3).shape
        #expect(h.session.count(.cadre) == 1000)
        #expect(h.session.count(.unit) == shape.units)
        #expect(h.session.count(.course) == shape.courses)
        let perCadre = Double(h.session.count(.enrollment)) / 1000
        #expect((4.0...6.5).contains(perCadre), "about 5 enrollments per cadre, not \(perCadre)")
        guard case .confirmation(let text) = effects.first else { Issue.record("no confirmation"); return }
        #expect(
            text.text.hasPrefix("generated a province: \(shape.units) units, 1000 cadres, \(shape.courses) courses"))
        // Every kind of record is there, and today is fixed after the training years.
        for kind in EntityKind.allCases { #expect(h.session.count(kind) > 0, "no \(kind.plural)") }
        #expect(h.interpreter.session.settings.today == ProvinceGenerator.today)
        for status in ["open", "resolved"] { #expect(h.count("findings", where: "status = \(status)")! > 0) }
        #expect(h.count("findings", where: "status = open and due < today")! > 0)
        #expect(h.count("cadres", where: "applies(lead5y) and compliant(lead5y)")! > 0)
        #expect(h.count("cadres", where: "applies(lead5y) and not compliant(lead5y)")! > 0)
        #expect(h.count("cadres", where: "name contains \"–\"")! > 0)
    }

    @Test func itsDumpRebuildsTheSameProvince() {
        let h = Harness()
        h.run("generate province cadres=800 seed=11")
        checkRoundTrip(h)
    }

    @Test func itIsOneStepThatUndoTakesBackWhole() {
        let h = Harness()
        h.run("generate province cadres=200")
        #expect(h.session.count(.cadre) == 200)
        h.run("undo")
        #expect(h.session.kindsHeld.isEmpty)
        h.run("redo")
        #expect(h.session.count(.cadre) == 200)
    }

    @Test func itRefusesASessionThatHoldsRecordsAndChangesNothing() throws {
        let h = Harness.workshop()
        let before = h.snapshot()
        let error = try #require(h.failure("generate province cadres=100"))
        #expect(error.message.hasPrefix("generate province fills an empty session, and this one has 5 units, 3 cadres"))
        #expect(h.text(at: error.range) == "generate province")
        #expect(h.snapshot() == before)
    }

    @Test(arguments: ["cadres=0", "cadres=2000001", "cadres=1.5", "cadres=10 seed=-1"])
    func itRefusesSizesAndSeedsOutOfRange(_ options: String) throws {
        let h = Harness()
        let error = try #require(h.failure("generate province \(options)"))
        #expect(error.message.hasPrefix("expected"), "\(error.message)")
        #expect(h.session.kindsHeld.isEmpty)
    }

    @Test func itNeedsTheNumberOfCadres() throws {
        let error = try #require(Harness().failure("generate province seed=3"))
        #expect(error.message.contains("cadres"), "\(error.message)")
    }

    @Test func givenNamesAreSpelledAsPinyinWritesThem() {
        #expect(ProvinceBuild.spelled(["xiu", "lan"]) == "Xiulan")
        #expect(ProvinceBuild.spelled(["jian", "an"]) == "Jian'an")
        #expect(ProvinceBuild.spelled(["wěi"]) == "Wěi")
        #expect(ProvinceBuild.spelled(["ān"]) == "Ān")
        #expect(ProvinceBuild.spelled(["huá", "ēn"]) == "Huá'ēn")
    }

    @Test func splitMixIsTheKnownSequence() {
        // The first outputs of SplitMix64 seeded with 0, as published with the algorithm.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}

/// `--demo`'s province and `help demo`: what the help says is what the province holds.
@Suite struct DemoProvinceTests {
    /// A fresh demo for each test (a test suite makes one instance per test).
    let demo: Harness = {
        let h = Harness()
        h.run(ProvinceGenerator.demo.command)
        return h
    }()

    @Test func everyIdTheHelpNamesExists() throws {
        let help = try #require(Help.text(for: "demo"))
        let h = demo
        for unit in ["jn", "jn.aa", "qh", "bs", "lq", "qh.dh", "qh.xs", "qh.org", "qh.ps", "qh.fin", "jn.ca", "jn.drc"]
        {
            #expect(h.session.slot(.unit, id: unit) != nil, "no unit \(unit)")
        }
        for named in [
            "(jn)", "qh Qinghe", "bs Baishan", "lq Longquan", "qh.dh", "qh.xs", "jn.aa", ".org", ".ps", ".drc",
        ] {
            #expect(help.contains(named), "help demo does not name \(named)")
        }
        for (kind, id) in [
            (EntityKind.cadre, "c0001"), (.cadre, "c2000"), (.course, "k001"), (.course, "k100"),
            (.rule, "lead5y"), (.rule, "y2012"), (.inspection, "i001"),
        ] {
            #expect(h.session.slot(kind, id: id) != nil, "no \(kind) \(id)")
            #expect(help.contains(id), "help demo does not name \(id)")
        }
        #expect(help.contains("today is fixed at \(ProvinceGenerator.today)"))
    }

    @Test func everyCommandTheHelpSuggestsAnswers() throws {
        let help = try #require(Help.text(for: "demo"))
        let tries = help.split(separator: "\n").drop { !$0.hasSuffix("Try:") }.dropFirst()
        #expect(tries.count >= 5)
        for line in tries {
            let effects = demo.run(line.trimmingCharacters(in: .whitespaces))
            #expect(!effects.isEmpty, "\(line)")
        }
    }

    @Test func complianceByUnitDiffersFromUnitToUnit() throws {
        let table = try #require(demo.table("report compliance lead5y by unit"))
        let percents = Set(table.rows.map { $0[3].description })
        #expect(table.rows.count >= 20 && percents.count >= 10, "\(table.rows.count) units, \(percents.count) values")
        let budget = try #require(demo.table("report budget 2008..2012"))
        #expect(budget.notes.contains { $0.hasPrefix("funds grew slower than revenue:") })
    }
}
