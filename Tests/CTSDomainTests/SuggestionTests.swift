@testable import CTSDomain
import Testing

@Suite struct SuggestionTests {
    @Test func distanceCountsEditsAndTranspositions() {
        #expect(Suggestion.distance("rank", "rank") == 0)
        #expect(Suggestion.distance("rnak", "rank") == 1)
        #expect(Suggestion.distance("conty", "county") == 1)
        #expect(Suggestion.distance("js.orgg", "js.org") == 1)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
    }

    @Test func closestStaysWithinALimitProportionalToLength() {
        #expect(Suggestion.closest(to: "js.orgg", in: ["js", "js.org", "js.ps"]) == "js.org")
        #expect(Suggestion.closest(to: "beijing", in: ["js", "nj.fin"]) == nil)
        #expect(Suggestion.closest(to: "x", in: ["y"]) == "y")
        #expect(Suggestion.closest(to: "ab", in: ["xyz"]) == nil)
        #expect(Suggestion.hint(for: "CONTY", in: Vocabulary.rank.words) == " (did you mean 'county'?)")
        #expect(Suggestion.hint(for: "zzzzzz", in: Vocabulary.rank.words) == "")
    }

    /// Ids come from a dictionary whose order changes from run to run; the hint must not.
    @Test func tiesGoToTheCandidateThatSortsFirst() {
        #expect(Suggestion.closest(to: "c9", in: ["c3", "c1", "c2"]) == "c1")
        #expect(Suggestion.closest(to: "c9", in: ["c2", "c3", "c1"]) == "c1")
        let s = Session()
        let b = Builder(session: s)
        #expect(throws: Never.self) {
            try b.unit("js")
            for i in 1...9 { try b.cadre("c\(i)", unit: "js") }
        }
        #expect(s.suggestion(.cadre, near: "c0") == " (did you mean 'c1'?)")
    }

    /// Issue 7, item 27: at the same distance, dropped letters beat changed ones, and the
    /// words valid at the position come first.
    @Test func prefersLeftOutLettersAndTheWordsValidHere() {
        #expect(Suggestion.closest(to: "lst", in: ["let", "list"]) == "list")
        #expect(Suggestion.closest(to: "lst", in: ["list", "let"]) == "list")
        #expect(Suggestion.closest(to: "dsc", in: ["as", "asc", "desc"]) == "desc")
        #expect(Suggestion.closest(to: "srot", in: ["sort", "set"]) == "sort")
        #expect(Suggestion.closest(to: "dsc", preferring: ["asc", "desc"], else: ["by", "as"]) == "desc")
        #expect(Suggestion.closest(to: "bx", preferring: ["asc", "desc"], else: ["by", "as"]) == "by")
        #expect(Suggestion.closest(to: "zzzz", preferring: ["asc"], else: ["by"]) == nil)
    }
}
