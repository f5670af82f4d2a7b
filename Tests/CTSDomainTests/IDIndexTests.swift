@testable import CTSDomain
import Testing

/// The id index finds ids as Swift compares strings, and keeps up with removals and growth.
@Suite struct IDIndexTests {
    @Test func canonicallyEquivalentIdsHashTheSame() {
        // KELVIN SIGN is K, GREEK QUESTION MARK is ';', GREEK VARIA is '`' (canonical singletons).
        #expect("\u{212A}1" == "K1")
        #expect(IDIndex.hash("\u{212A}1") == IDIndex.hash("K1"))
        #expect(IDIndex.hash("a\u{037E}b\u{1FEF}") == IDIndex.hash("a;b`"))
        // Composed and decomposed forms of a non-ASCII id.
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(IDIndex.hash("caf\u{E9}") == IDIndex.hash("cafe\u{301}"))
    }

    @Test func aSessionFindsAnIdSpelledAnotherWay() throws {
        let s = Session()
        let b = Builder(session: s)
        try b.unit("K.1")
        try b.unit("caf\u{E9}")
        #expect(s.slot(.unit, id: "\u{212A}.1") == 0)
        #expect(s.slot(.unit, id: "cafe\u{301}") == 1)
        #expect(throws: DomainError.self) { try b.unit("\u{212A}.1") }
    }

    @Test func removedIdsAreForgottenAndTheTableGrows() {
        var index = IDIndex()
        let ids = (0..<1000).map { "c.\($0)" }
        for (slot, id) in ids.enumerated() { index.insert(hash: IDIndex.hash(id), slot: slot) }
        for slot in stride(from: 0, to: 1000, by: 2) { index.remove(hash: IDIndex.hash(ids[slot]), slot: slot) }
        #expect(index.count == 500)
        for (slot, id) in ids.enumerated() {
            let found = index.slot(hash: IDIndex.hash(id)) { ids[$0] == id }
            #expect(found == (slot % 2 == 0 ? nil : slot))
        }
        // A removed id can come back (undo), in another slot too.
        index.insert(hash: IDIndex.hash(ids[0]), slot: 0)
        #expect(index.slot(hash: IDIndex.hash(ids[0])) { ids[$0] == ids[0] } == 0)
    }
}
