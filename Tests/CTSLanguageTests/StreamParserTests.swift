import Testing

@testable import CTSLanguage

/// A source parsed a part at a time must give exactly the items, locations included, of one
/// parser over all of it, wherever the parts and the chunks they are read in end.
@Suite("Stream parsing")
struct StreamParserTests {
    /// Commands that end in every way there is, and errors that recovery must stop at.
    static let script: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            """
            unit add js "Jiangsu" kind=locality level=province
            # a comment; with a semicolon ( and a paren
            cadre add c1 "Li" unit=js rank=county \\
                category=leading
            count cadres where (rank = county
                and unit = js) ; echo one; echo two
            list cadres where id in (c1,
                c2, c3) columns id, name
            echo "cut short
            let x = (1 +
            \r
            echo after \"张敏\" ; count cadres where nmae = 1 \\
            print 1 + ; print 2

            echo last
            """.utf8) + [0x65, 0x63, 0x68, 0x6F, 0x20, 0xFF, 0x0A] + Array("count units where (kind = locality".utf8)

    static func streamed(_ source: [UInt8], part: Int, chunk: Int, window: SourceWindow = SourceWindow()) -> [ParsedItem] {
        var offset = 0
        var parser = StreamParser(fileID: 0, window: window, partBytes: part) {
            guard offset < source.count else { return nil }
            defer { offset += chunk }
            return Array(source[offset..<min(offset + chunk, source.count)])
        }
        var items: [ParsedItem] = []
        while let item = parser.nextItem() { items.append(item) }
        return items
    }

    @Test func partsOfAnySizeParseAsTheWhole() {
        var whole = Parser(bytes: Self.script, fileID: 0)
        let expected = whole.parseScript()
        #expect(expected.count > 10)
        for part in 1...Self.script.count + 1 {
            for chunk in [1, 5, 64] where part % 7 == 0 || chunk == 5 || part < 40 {
                let items = Self.streamed(Self.script, part: part, chunk: chunk)
                #expect(items == expected, "part \(part), chunk \(chunk)")
                if items != expected { return }
            }
        }
    }

    @Test func aCommandLongerThanAPartIsReadWhole() {
        // One `in (…)` list over 2,000 lines: each part ends inside it.
        let list = (1...2000).map { "c\($0)" }.joined(separator: ",\n")
        let source = Array("count cadres where id in (\(list))\necho done\n".utf8)
        var whole = Parser(bytes: source, fileID: 0)
        let items = Self.streamed(source, part: 100, chunk: 64)
        #expect(items == whole.parseScript())
        #expect(items.count == 2)
    }

    @Test func theWindowHoldsTheLinesNotYetForgotten() {
        let source = Array((1...1000).map { "echo line \($0)\n" }.joined().utf8)
        let window = SourceWindow()
        let file = SourceFile(name: "s.cts", window: window)
        _ = Self.streamed(source, part: 256, chunk: 100, window: window)
        #expect(file.line(1) == "echo line 1")
        #expect(file.line(999) == "echo line 999")
        #expect(file.lineBytes(1)?.offset == 0)
        window.forget(before: 500)
        #expect(file.lineBytes(1) == nil)
        #expect(file.line(500) == "echo line 500")
        #expect(file.line(1000) == "echo line 1000")
        let start = SourceLocation(fileID: 0, line: 1000, column: 6, utf8Offset: source.count - 10)
        let end = SourceLocation(fileID: 0, line: 1000, column: 10, utf8Offset: source.count - 6)
        #expect(file.text(SourceRange(start, end)) == "line")
        window.clear()
        #expect(file.lineBytes(1000) == nil)
    }
}
