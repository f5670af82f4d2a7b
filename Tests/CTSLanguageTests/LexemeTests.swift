import CTSDomain
import Testing

@testable import CTSLanguage

/// The parser's compact tokens and the shortcuts parsing a big script relies on.
@Suite("Lexemes")
struct LexemeTests {
    @Test func wordCharacterBitSetsAreTheWordCharacters() {
        for b in 0...255 {
            let byte = UInt8(b)
            let expected =
                byte < 0x80
                && (Lexer.isASCIILetterOrDigit(byte) || byte == Byte.underscore || byte == Byte.minus
                    || byte == Byte.dot || byte == Byte.slash)
            #expect(Lexer.isASCIIWordChar(byte) == expected, "byte \(b)")
        }
    }

    @Test func forgettingLexemesKeepsTheValuesOfThoseKept() {
        var lexer = Lexer(text: "a 1.5 \"x\\ty\" 2009-03-02\nb 2008..2012 7", fileID: 0)
        var buffer = LexemeBuffer()
        while !lexer.finished { lexer.scan(into: &buffer) }
        let all = buffer.lexemes.map { buffer.kind(of: $0, in: lexer.source) }
        // Drop the first line: the second keeps its period and number.
        buffer.removeFirst(5)
        #expect(buffer.lexemes.map { buffer.kind(of: $0, in: lexer.source) } == Array(all[5...]))
        #expect(buffer.values.count == 2)
    }

    @Test func tokensHandedOutAreTheLexemesDecoded() {
        var lexer = Lexer(text: "x=\"a\\nb\" $v >> (1) \"plain\"", fileID: 0)
        let kinds = lexer.tokenize().map(\.kind)
        #expect(
            kinds == [
                .word, .symbol("="), .string("a\nb"), .variable("v"), .symbol(">>"), .symbol("("),
                .number(Number(thousandths: 1000)), .symbol(")"), .string("plain"), .endOfFile,
            ])
    }

    @Test func aCommandIsEqualToTheSameCommandParsedAgain() {
        let text = "cadre add c1 \"Li Wei\" unit=u1 rank=county category=leading\nenroll c1 in k1"
        let first = Parser.parse(text, fileID: 0), second = Parser.parse(text, fileID: 0)
        #expect(first == second)
        #expect(Set(first).count == 2)
        #expect(first[0] != first[1])
    }

    @Test func everyCommandIsFoundByItsWords() {
        for spec in CommandTable.all {
            let words = spec.words.map { ArraySlice($0.utf8) }
            #expect(CommandTable.spec(words[0], words.count > 1 ? words[1] : nil) === spec, "\(spec.name)")
        }
        #expect(CommandTable.spec(ArraySlice("averyveryverylongword".utf8), nil) == nil)
    }
}
