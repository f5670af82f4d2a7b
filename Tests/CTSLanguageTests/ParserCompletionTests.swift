import CTSDomain
@testable import CTSLanguage
import Testing

/// The parser's completion mode: what it records at the end of the text. The shell's
/// completion tests check the candidates made from it; these check the grammar's answer.
@Suite("Parser: completion mode")
struct ParserCompletionTests {
    func expected(_ text: String) -> [Expected] { Parser.expectation(atEndOf: text) }

    @Test func commandWords() {
        #expect(expected("") == [.command])
        #expect(expected("list units; ") == [.command])
        #expect(expected("unit ") == [.subcommand(of: "unit")])
        #expect(expected("unknown ") == [])
    }

    @Test func slotsAndOptions() {
        // A required keyword slot is all that may come; `validate` finds it.
        #expect(expected("exempt c1 ") == [.value(.keyword("from"))])
        #expect(expected("exempt c1 from lead5y ") == [.option("reason")])
        #expect(expected("cadre show ") == [.value(.ref(.cadre))])
        #expect(expected("cadre add ") == [.value(.newID(.cadre))])
        #expect(expected("unit remove nj ") == [.value(.keyword("cascade"))])
        #expect(expected("course add k9 \"T\" provider=") == [.value(.ref(.unit), only: .institution)])
        #expect(expected("rule add r9 \"T\" kinds=off-job,").count == 1)
        // An unknown option: the command is refused whatever follows.
        #expect(expected("cadre add c9 \"X\" foo=1 rank=") == [])
    }

    @Test func queries() {
        let afterCondition = expected("list cadres where rank = county ")
        #expect(afterCondition.contains(.word("and")) && afterCondition.contains(.word("sort")))
        #expect(afterCondition.contains(.word("as")) && !afterCondition.contains(.word("where")))
        // A comparison is complete: no word operator, and `not` never follows a value.
        #expect(!afterCondition.contains(.word("in")) && !afterCondition.contains(.word("not")))
        #expect(expected("list cadres where rank >= ") == [.compared(path: "rank", kind: .cadre)])
        #expect(expected("list cadres where ") == [.word("not"), .operand(.kind(.cadre))])
        #expect(expected("list cadres sort hours(") == [.firstArgument(of: "hours", scope: .kind(.cadre))])
        #expect(expected("stats hours(2009) ") == [.word("of")])
        #expect(expected("list cadres where rank in ") == [.symbol("(")])
    }

    @Test func reportsAndOutput() {
        #expect(expected("report budget ") == [.value(.period)])
        #expect(expected("report compliance lead5y ") == [.word("by"), .word("under"), .word("as")])
        #expect(expected("list cadres > ") == [.value(.file)])
    }

    /// The mode leaves normal parsing alone: the same commands, the same errors.
    @Test func normalParsingIsUnchanged() {
        let text = "list cadres where rank >= county and not status = left sort rank desc\ncadre add x"
        let items = Parser.parse(text, fileID: 0)
        #expect(items.count == 2)
        guard case .error(let d) = items[1] else { Issue.record("expected an error"); return }
        #expect(d.message.hasPrefix("'cadre add' needs"))
    }
}
