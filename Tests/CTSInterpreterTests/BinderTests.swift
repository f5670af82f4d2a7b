import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import Testing

/// Conditions over the workshop records: every operator, ordered enums, paths, and the errors
/// the binder gives (with the range they point at) before any record is read.
///
/// Cadres: c1 nj.fin county leading born 1966; c2 nj.fin staff civil-servant; c3 js.org bureau leading.
@Suite struct BinderTests {
    let h = Harness.workshop()

    func cadres(_ condition: String) -> [String] {
        h.ids("list cadres where \(condition) columns id")
    }

    @Test func comparisonsOnAnOrderedEnum() {
        #expect(cadres("rank = county") == ["c1"])
        #expect(cadres("rank != county") == ["c2", "c3"])
        #expect(cadres("rank < county") == ["c2"])
        #expect(cadres("rank <= county") == ["c1", "c2"])
        #expect(cadres("rank > county") == ["c3"])
        #expect(cadres("rank >= county") == ["c1", "c3"])
        // The literal may stand on the left too, and case does not matter for enum words.
        #expect(cadres("County <= rank") == ["c1", "c3"])
        #expect(cadres("rank >= BUREAU") == ["c3"])
    }

    @Test func comparisonsOnNumbersWithAbsentValues() {
        #expect(cadres("born = 1966") == ["c1"])
        #expect(cadres("born < 1970") == ["c1"])
        #expect(cadres("born > 1900") == ["c1"])
        #expect(cadres("born <= 1966") == ["c1"])
        #expect(cadres("born >= 1967") == [])
        // An absent born makes every comparison false except != against a present value.
        #expect(cadres("born != 1966") == ["c2", "c3"])
        #expect(cadres("not (born < 1970)") == ["c2", "c3"])
    }

    @Test func logicalOperatorsAndPrecedence() {
        #expect(cadres("rank = staff or born = 1966") == ["c1", "c2"])
        #expect(cadres("category = leading and not rank = bureau") == ["c1"])
        #expect(cadres("not rank >= county") == ["c2"])
        // `and` binds tighter than `or`.
        #expect(cadres("rank = staff or rank = bureau and born = 1966") == ["c2"])
        #expect(cadres("(rank = staff or rank = bureau) and born = 1966") == [])
    }

    @Test func membershipAndText() {
        #expect(cadres("rank in (staff, bureau)") == ["c2", "c3"])
        #expect(cadres("unit in (js.org, js.ps)") == ["c3"])
        #expect(cadres("id in (c3, c1)") == ["c1", "c3"])
        #expect(cadres("name contains \"WEI\"") == ["c1"])
        #expect(cadres("name contains \"张敏\"") == ["c3"])
        #expect(cadres("name contains \"wang fang\"") == ["c2"])
        #expect(h.ids("list courses where title contains \"FINANCE\" columns id") == ["k2"])
    }

    @Test func underIncludesTheUnitItself() {
        #expect(cadres("unit under js") == ["c1", "c2", "c3"])
        #expect(cadres("unit under nj") == ["c1", "c2"])
        #expect(cadres("unit under js.org") == ["c3"])
        #expect(cadres("unit under js.ps") == [])
        #expect(h.ids("list units where id under nj columns id") == ["nj", "nj.fin"])
        #expect(h.ids("list units where parent under js columns id") == ["js.org", "js.ps", "nj", "nj.fin"])
        #expect(h.count("courses", where: "provider under js") == 3)
        #expect(h.count("inspections", where: "by under js.org") == 1)
    }

    @Test func dottedPathsFollowReferences() {
        #expect(cadres("unit.level = city") == ["c1", "c2"])
        #expect(cadres("unit.parent = nj") == ["c1", "c2"])
        #expect(cadres("unit.parent.name contains \"jiangsu\"") == ["c3"])
        #expect(h.ids("list enrollments where course.kind = off-job columns cadre") == ["c1", "c3"])
        #expect(
            h.ids("list enrollments where cadre.rank >= county and status = completed columns course")
                == ["k1", "k1", "k2"])
        #expect(h.ids("list findings where inspection.unit = nj.fin columns id") == ["f1"])
        #expect(h.ids("list findings where inspection.unit under nj columns id") == ["f1"])
        #expect(
            h.rows("list enrollments where cadre = c2 columns course, course.kind, cadre.unit.level")
                == [
                    [
                        .ref(.course, "k2"), .enumeration(CourseKind.shortTerm.enumValue),
                        .enumeration(Level.city.enumValue),
                    ],
                    [
                        .ref(.course, "k3"), .enumeration(CourseKind.lecture.enumValue),
                        .enumeration(Level.city.enumValue),
                    ],
                ])
    }

    /// An absent reference (js has no parent; no course has an organizer) behaves like an absent
    /// number: every comparison is false except != against a present value.
    @Test func absentReferencesCompareLikeOtherAbsentValues() {
        #expect(h.ids("list units where parent = js columns id") == ["js.org", "js.ps", "nj"])
        #expect(h.ids("list units where parent != js columns id") == ["js", "nj.fin"])
        #expect(h.ids("list units where not (parent = js) columns id") == ["js", "nj.fin"])
        #expect(h.ids("list units where parent in (js, nj) columns id") == ["js.org", "js.ps", "nj", "nj.fin"])
        #expect(h.count("courses", where: "organizer = js.org") == 0)
        #expect(h.count("courses", where: "organizer != js.org") == 3)
        #expect(h.ids("list units where parent.parent != js columns id") == ["js", "js.org", "js.ps", "nj"])
    }

    @Test func orderOnSeverity() {
        h.run("finding add f2 inspection=i1 \"Minor\" severity=low due=2011-01-01")
        #expect(h.ids("list findings where severity >= medium columns id") == ["f1"])
        #expect(h.ids("list findings where severity < high columns id") == ["f1", "f2"])
    }

    @Test func orderOnAnUnorderedEnumIsRefused() {
        let d = h.failure("list courses where kind < lecture")
        #expect(d?.is(BindProblem.noOrder(.courseKind)) == true)
        #expect(h.text(at: d?.range) == "kind < lecture")
        let c = h.failure("count cadres where category >= leading")
        #expect(c?.is(BindProblem.noOrder(.category)) == true)
        // = and != are fine on the same vocabulary.
        #expect(h.count("courses", where: "kind != lecture") == 2)
    }

    @Test func unknownFieldSuggestsOneAndPointsAtIt() {
        let d = h.failure("list cadres where rnak >= county")
        #expect(d?.is(BindProblem.noSuchField(.cadre, "rnak", suggestion: "rank"), at: 1, 19) == true)
        #expect(h.text(at: d?.range) == "rnak")
        let path = h.failure("list cadres where unit.levle = city")
        #expect(path?.is(BindProblem.noSuchField(.unit, "levle", suggestion: "level")) == true)
        #expect(h.text(at: path?.range) == "unit.levle")
        let notRef = h.failure("list cadres where rank.level = city")
        #expect(notRef?.is(BindProblem.notAReference("rank", next: "level")) == true)
    }

    @Test func unknownEnumValueSuggestsOneAndPointsAtIt() {
        let d = h.failure("list cadres where rank >= conty")
        #expect(d?.is(BindProblem.unknownEnumValue(.rank, "conty", suggestion: "county"), at: 1, 27) == true)
        #expect(h.text(at: d?.range) == "conty")
        let none = h.failure("count courses where kind = seminar")
        #expect(none?.is(BindProblem.unknownEnumValue(.courseKind, "seminar", suggestion: nil)) == true)
    }

    /// A word that is no field, compared with a constant, is the same for every record: a
    /// mistyped field, said as one. Beside a field, a word is a value, as before.
    @Test func aMistypedFieldComparedWithAConstantIsNamed() {
        let d = h.failure("count cadres where nmae = \"Li Wei\"")
        #expect(d?.is(BindProblem.noSuchField(.cadre, "nmae", suggestion: "name")) == true)
        #expect(h.text(at: d?.range) == "nmae")
        let words = h.failure("count cadres where rnak = county")
        #expect(words?.is(BindProblem.noSuchField(.cadre, "rnak", suggestion: "rank")) == true)
        #expect(h.count("cadres", where: "rank = county") == 1)
        #expect(h.count("cadres", where: "county = rank") == 1)
    }

    @Test func unknownIDSuggestsOneAndPointsAtIt() {
        let d = h.failure("count cadres where unit under nj.fn")
        #expect(d?.is(BindProblem.unknownRecord(.unit, "nj.fn", suggestion: "nj.fin")) == true)
        #expect(h.text(at: d?.range) == "nj.fn")
        let eq = h.failure("list cadres \\\n  where unit = js.orgg")
        #expect(eq?.is(BindProblem.unknownRecord(.unit, "js.orgg", suggestion: "js.org"), at: 2, 16) == true)
        let rule = h.failure("count cadres where compliant(lead5)")
        #expect(rule?.is(BindProblem.unknownRecord(.rule, "lead5", suggestion: "lead5y")) == true)
        #expect(h.text(at: rule?.range) == "lead5")
        let variable = h.failure("let year = 2009\ncount cadres where hours($yeer) > 0")
        #expect(variable?.is(BindProblem.unknownVariable("yeer", suggestion: "year")) == true)
    }

    @Test func typeMistakesAreRefusedBeforeReadingRecords() {
        let mixed = h.failure("count cadres where born = 2009-01-01")
        #expect(mixed?.is(BindProblem.cannotCompare("a number", "a date")) == true)
        #expect(h.text(at: mixed?.range) == "born = 2009-01-01")
        let bare = h.failure("count cadres where leading")
        #expect(bare?.is(BindProblem.notFieldNorCondition("leading", of: .cadre, suggestion: nil)) == true)
        let notCondition = h.failure("count cadres where born + 1")
        #expect(notCondition?.is(BindProblem.expectedCondition(found: "a number")) == true)
        let contains = h.failure("count cadres where born contains \"19\"")
        #expect(contains?.is(BindProblem.containsNeedsText(found: "a number")) == true)
        let under = h.failure("count cadres where rank under js")
        #expect(under?.is(BindProblem.underNeedsUnit(found: "a rank")) == true)
        let function = h.failure("count cadres where hour(2009) > 0")
        #expect(function?.is(BindProblem.unknownFunction("hour", functions: Functions.all.map(\.name))) == true)
    }

    @Test func errorsAreFoundEvenWhenNoRecordIsRead() {
        let empty = Harness()
        let d = empty.failure("count cadres where rnak >= county")
        #expect(d?.is(BindProblem.noSuchField(.cadre, "rnak", suggestion: "rank")) == true)
    }
}
