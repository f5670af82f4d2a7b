import Testing
@testable import CTSLanguage

/// A source keeps its bytes; its lines and the text shown for them are worked out on demand,
/// and must read as the whole text would have.
@Suite("Source files")
struct SourceFileTests {
    @Test func linesWithoutTheirLineEnds() {
        let file = SourceFile(name: "t.cts", text: "first\r\nsecond\n\nlast")
        #expect(file.lineCount == 4)
        #expect(file.lineStarts == [0, 7, 14, 15])
        #expect((1...4).map(file.line) == ["first", "second", "", "last"])
        #expect(file.line(0) == "" && file.line(5) == "")
    }

    @Test func bytesThatAreNotUTF8AreShownAsQuestionMarks() {
        let bytes: [UInt8] = Array("ok é\n".utf8) + [0x61, 0xFF, 0x62, 0xC3] + Array("\nend".utf8)
        let file = SourceFile(name: "t.cts", bytes: bytes)
        #expect(file.line(1) == "ok é")
        #expect(file.line(2) == "a?b?")
        #expect(file.line(3) == "end")
        #expect(file.text == Lexer.displayText(bytes))
        #expect(file.text == "ok é\na?b?\nend")
    }

    @Test func textOfARange() {
        let file = SourceFile(name: "t.cts", text: "unit add js \"江苏\"")
        let start = CTSLanguage.SourceLocation(fileID: 0, line: 1, column: 13, utf8Offset: 12)
        let end = CTSLanguage.SourceLocation(fileID: 0, line: 1, column: 17, utf8Offset: 20)
        #expect(file.text(SourceRange(start, end)) == "\"江苏\"")
    }

    @Test func validUTF8IsRecognizedInLongAndShortRuns() {
        #expect(Lexer.isValidUTF8([]))
        #expect(Lexer.isValidUTF8(Array(String(repeating: "abcdefg ", count: 9).utf8)))
        #expect(Lexer.isValidUTF8(Array("abcdefghij张敏klmnopqrstu🙂".utf8)))
        #expect(!Lexer.isValidUTF8(Array("abcdefghijklmnop".utf8) + [0xC3]))
        #expect(!Lexer.isValidUTF8(Array("abcdefghijklmnop".utf8) + [0xED, 0xA0, 0x80] + Array("abcdefgh".utf8)))
        #expect(!Lexer.isValidUTF8([0x80] + Array("abcdefgh".utf8)))
    }

    @Test func keywordsAndCommandNamesInAnyCase() throws {
        let command = try parseCommand(#"CADRE Add c1 "Li" UNIT=u Rank=county category=leading"#)
        #expect(command.spec.name == "cadre add")
        guard case .record(let args) = command.body else { Issue.record("not a record"); return }
        #expect(args.options.map(\.key.value) == ["unit", "rank", "category"])
        #expect(try parseCommand("list cadres WHERE rank = county Sort name").spec.name == "list")
    }

    @Test func locationsAreSmall() {
        #expect(MemoryLayout<CTSLanguage.SourceLocation>.size == 16)
        #expect(MemoryLayout<SourceRange>.size == 32)
    }
}
