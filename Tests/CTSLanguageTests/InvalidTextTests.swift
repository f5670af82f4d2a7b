import CTSDomain
@testable import CTSLanguage
import Testing

/// Bytes that are not UTF-8, and NUL characters, are errors where they are (issue 7, item 22):
/// text comes back intact (spec §1), so nothing may be replaced or dropped silently.
@Suite struct InvalidTextTests {
    func errors(_ bytes: [UInt8]) -> [(problem: LexProblem, column: Int, width: Int)] {
        var lexer = Lexer(bytes: bytes, fileID: 0)
        return lexer.tokenize().compactMap { token in
            guard case .error(let m) = token.kind else { return nil }
            return (m, token.range.start.column, token.range.end.utf8Offset - token.range.start.utf8Offset)
        }
    }

    @Test func invalidBytesInAStringAreAnErrorAtThem() {
        let found = errors(Array("echo \"caf".utf8) + [0xE9] + Array(" ok\"".utf8))
        #expect(found.count == 1)
        #expect(found.first?.problem == .invalidUTF8(byte: 0xE9))
        #expect(found.first?.column == 10)
    }

    @Test func everyKindOfBadSequence() {
        // A stray continuation byte, a cut sequence, an overlong form, a surrogate, past U+10FFFF.
        for bad: [UInt8] in [
            [0x80], [0xE6, 0xB1], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        ] {
            let found = errors(Array("x \"".utf8) + bad + Array("\" y".utf8))
            #expect(found.count == 1, "\(bad)")
            #expect(found.first?.column == 4, "\(bad)")
        }
        // Valid text of every length passes.
        #expect(errors(Array("echo \"é 张 😀\" 张三".utf8)).isEmpty)
    }

    @Test func invalidBytesOutsideStrings() {
        #expect(errors(Array("unit add js".utf8) + [0xFF]).first?.column == 12)
        #expect(errors(Array("# note ".utf8) + [0xFE] + Array("; echo x\necho ok".utf8)).map(\.column) == [8])
        #expect(errors([0xC3]).count == 1)
    }

    @Test func nulIsRefused() {
        #expect(errors(Array("echo \"a".utf8) + [0] + Array("b\"".utf8)).map(\.problem) == [.nul])
        #expect(errors(Array(#"echo "a\u{0}b""#.utf8)).isEmpty)  // written out, it is deliberate
        #expect(errors(Array("echo a".utf8) + [0]).map(\.problem) == [.nul])
        #expect(errors(Array(#"echo "a\u{1}b""#.utf8)).isEmpty)
        // In a comment too, at the NUL, also when bytes that are not UTF-8 come after it.
        #expect(errors(Array("echo a # b".utf8) + [0] + Array("c\necho d".utf8)).map(\.column) == [11])
        #expect(errors(Array("# ".utf8) + [0, 0xFF]).map(\.problem) == [.nul])
        #expect(errors(Array("# ".utf8) + [0xFF, 0]).map(\.problem) == [.invalidUTF8(byte: 0xFF)])
    }

    @Test func echoDoesNotPassBadBytes() {
        var parser = Parser(bytes: Array("echo ab ".utf8) + [0xC3] + Array(" cd".utf8), fileID: 0)
        guard case .error(let d)? = parser.nextItem() else { Issue.record("expected an error"); return }
        #expect(d.is(LexProblem.invalidUTF8(byte: 0xC3), at: 1, 9))
    }

    @Test func displayTextKeepsOffsets() {
        let bytes = Array("ab".utf8) + [0xFF, 0x80] + Array("张".utf8)
        #expect(Lexer.displayText(bytes) == "ab??张")
        #expect(Lexer.displayText(Array("张".utf8)) == "张")
    }
}
