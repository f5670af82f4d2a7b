@testable import CTSDomain
import Testing

/// The typed readers queries use read what the general accessors read.
@Suite struct QueryReaderTests {
    /// `position` reads an enum's byte: it must be its place in `allCases` for every vocabulary.
    @Test func anEnumsPositionIsItsOrdinal() {
        func check<E: DomainEnum>(_ type: E.Type) {
            for (i, e) in E.allCases.enumerated() {
                #expect(e.position == i, "\(E.self).\(e)")
                #expect(e.position == e.ordinal)
            }
        }
        check(UnitKind.self)
        check(Level.self)
        check(Rank.self)
        check(Category.self)
        check(CadreStatus.self)
        check(CourseKind.self)
        check(EnrollmentStatus.self)
        check(Severity.self)
        check(FindingStatus.self)
    }

    @Test func readersAgreeWithTheAccessors() throws {
        let s = Session()
        var changes = ChangeSet()
        let top = s.append(.unit(Unit(id: "js", name: "Jiangsu", kind: .locality, level: .province)), to: &changes)
        let unit = s.append(
            .unit(Unit(id: "nj", name: "Nanjing", kind: .locality, level: .city, parent: top)), to: &changes)
        let cadre = s.append(
            .cadre(Cadre(id: "c1", name: "Wang – 王", unit: unit, rank: .bureau, category: .technical)), to: &changes)
        for field in ["rank", "category", "status"] {
            let ordinal = try #require(s.fastOrdinalReader(.cadre, field))
            guard case .enumeration(let e) = s.accessor(.cadre, field)!(cadre) else {
                Issue.record("\(field) is no enumeration")
                continue
            }
            #expect(ordinal(cadre) == e.ordinal, "\(field)")
        }
        #expect(s.fastRefReader(.cadre, "unit")?(cadre) == s.refAccessor(.cadre, "unit")?(cadre))
        #expect(s.fastRefReader(.unit, "parent")?(unit) == top)
        #expect(s.fastRefReader(.unit, "parent")?(top) == .some(nil))
        #expect(s.fastIDReader(.cadre)?(cadre) == "c1")
        // Slots outside the table read as nothing.
        #expect(s.fastIDReader(.cadre)?(5) == .some(nil))
        #expect(s.fastOrdinalReader(.cadre, "rank")?(-1) == .some(nil))
        #expect(s.fastRefReader(.cadre, "born") == nil)
    }
}
