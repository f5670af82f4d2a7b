import Foundation
import Testing
@testable import CTSLanguage
import CTSDomain
import CTSTestSupport

/// Lexes `text` and describes each token as `"line:column kind 'text'"`, where `text` is the
/// source slice read through the token's range. End of file is left out.
private func lex(_ text: String) -> [String] {
    var lexer = Lexer(text: text, fileID: 7)
    let tokens = lexer.tokenize()
    let utf8 = Array(text.utf8)
    return tokens.dropLast().map { token in
        let slice = String(decoding: utf8[token.range.start.utf8Offset..<token.range.end.utf8Offset], as: UTF8.self)
        return "\(token.range.start.line):\(token.range.start.column) \(describe(token.kind)) '\(slice)'"
    }
}

/// Only the kinds.
private func kinds(_ text: String) -> [Token.Kind] {
    var lexer = Lexer(text: text, fileID: 0)
    return lexer.tokenize().dropLast().map(\.kind)
}

private func tokens(_ text: String) -> [Token] {
    var lexer = Lexer(text: text, fileID: 3)
    return lexer.tokenize()
}

private func describe(_ kind: Token.Kind) -> String {
    switch kind {
    case .word: return "word"
    case .string(let s): return "string(\(s))"
    case .number(let d): return "number(\(d))"
    case .date(let day): return "date(\(day))"
    case .period(let p): return "period(\(p)\(p.isYears ? ",years" : ""))"
    case .variable(let v): return "variable(\(v))"
    case .symbol(let s): return "symbol(\(s))"
    case .endOfCommand: return "end"
    case .endOfFile: return "eof"
    case .error(let problem): return "error(\(problem))"
    }
}

private func errors(_ text: String) -> [LexProblem] {
    kinds(text).compactMap { if case .error(let m) = $0 { return m } else { return nil } }
}

private func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

@Suite("Lexer")
struct LexerTests {
    // MARK: Basics

    @Test func emptyTextIsJustEndOfFile() {
        for text in ["", "   ", "\n\n", "# only a comment", "\t\n  # c\n\n", ";;;", "\n;\n;"] {
            let all = tokens(text)
            #expect(all.count == 1, "\(text.debugDescription)")
            #expect(all[0].kind == .endOfFile)
        }
    }

    @Test func endOfFileIsLastAndAtTheEnd() {
        let all = tokens("a b\nc")
        #expect(all.filter { $0.kind == .endOfFile }.count == 1)
        let eof = all.last!
        #expect(eof.kind == .endOfFile)
        #expect(eof.range.start == eof.range.end)
        #expect(eof.range.start.utf8Offset == 5)
        #expect(eof.range.start.line == 2)
        #expect(eof.range.start.column == 2)
        #expect(eof.range.fileID == 3)
    }

    @Test func wordsAndPositions() {
        #expect(
            lex("unit add js.org kind=organization") == [
                "1:1 word 'unit'",
                "1:6 word 'add'",
                "1:10 word 'js.org'",
                "1:17 word 'kind'",
                "1:21 symbol(=) '='",
                "1:22 word 'organization'",
            ])
    }

    @Test func wordCharacters() {
        #expect(
            lex("c-0001 off-job unit.level a/b/c _x1 civil-servant a.b.") == [
                "1:1 word 'c-0001'",
                "1:8 word 'off-job'",
                "1:16 word 'unit.level'",
                "1:27 word 'a/b/c'",
                "1:33 word '_x1'",
                "1:37 word 'civil-servant'",
                "1:51 word 'a.b.'",
            ])
    }

    @Test func unicodeWords() {
        #expect(
            lex("张敏 Peña né x") == [
                "1:1 word '张敏'",
                "1:4 word 'Peña'",
                "1:9 word 'né'",
                "1:12 word 'x'",
            ])
        // A decomposed é (e + U+0301) stays one word; the mark is its own column.
        #expect(lex("ne\u{301} y") == ["1:1 word 'ne\u{301}'", "1:5 word 'y'"])
    }

    @Test func tokenRangesAreExact() {
        let all = tokens("  张敏=x\n ab")
        // 张敏: bytes 2..<8, columns 3..<5
        #expect(all[0].range.start == SourceLocation(fileID: 3, line: 1, column: 3, utf8Offset: 2))
        #expect(all[0].range.end == SourceLocation(fileID: 3, line: 1, column: 5, utf8Offset: 8))
        #expect(all[1].kind == .symbol("="))
        #expect(all[1].range.start == SourceLocation(fileID: 3, line: 1, column: 5, utf8Offset: 8))
        #expect(all[1].range.end == SourceLocation(fileID: 3, line: 1, column: 6, utf8Offset: 9))
        #expect(all[3].kind == .endOfCommand)
        #expect(all[3].range.start == SourceLocation(fileID: 3, line: 1, column: 7, utf8Offset: 10))
        #expect(all[3].range.end == SourceLocation(fileID: 3, line: 2, column: 1, utf8Offset: 11))
        #expect(all[4].range.start == SourceLocation(fileID: 3, line: 2, column: 2, utf8Offset: 12))
        #expect(all[4].range.end == SourceLocation(fileID: 3, line: 2, column: 4, utf8Offset: 14))
    }

    @Test func adjacencyIsVisibleInRanges() {
        let tight = tokens("kind=locality")
        #expect(tight[0].range.end == tight[1].range.start)
        #expect(tight[1].range.end == tight[2].range.start)
        let spaced = tokens("a = b")
        #expect(spaced[0].range.end.utf8Offset + 1 == spaced[1].range.start.utf8Offset)
    }

    // MARK: Columns after non-ASCII text

    @Test func columnsCountScalars() {
        #expect(lex("\"张敏\" x") == ["1:1 string(张敏) '\"张敏\"'", "1:6 word 'x'"])
        #expect(
            lex("\"Peña\" = año") == [
                "1:1 string(Peña) '\"Peña\"'",
                "1:8 symbol(=) '='",
                "1:10 word 'año'",
            ])
        #expect(lex("\"😀👍🏽\" z") == ["1:1 string(😀👍🏽) '\"😀👍🏽\"'", "1:7 word 'z'"])
        #expect(lex("# 注释 comment\n中 x") == ["2:1 word '中'", "2:3 word 'x'"])
    }

    // MARK: Strings

    @Test func stringsDecodeEscapes() {
        #expect(
            kinds(#""a\"b" "c\\d" "e\nf" "g\th" "\u{4E2D}\u{6587}" "\u{1F600}" "\u{41}""#) == [
                .string("a\"b"), .string("c\\d"), .string("e\nf"), .string("g\th"),
                .string("中文"), .string("😀"), .string("A"),
            ])
    }

    @Test func stringsKeepUnicodeIntact() {
        let texts = [
            "Zhang Min – 张敏", "Año de la Peña", "👩‍👩‍👧‍👦 family", "Ünïcödé\u{301}", "", "  spaced  ", "#not a comment", "a;b",
            "(x",
        ]
        for text in texts {
            #expect(kinds("\"\(text)\"") == [.string(text)])
        }
        #expect(kinds(#""中\n文" "\u{4E2D}中""#) == [.string("中\n文"), .string("中中")])
    }

    @Test func stringRangeCoversQuotes() {
        #expect(
            lex(#"x="a b" y"#) == [
                "1:1 word 'x'",
                "1:2 symbol(=) '='",
                "1:3 string(a b) '\"a b\"'",
                "1:9 word 'y'",
            ])
    }

    @Test func unknownEscapeConsumesTheWholeString() {
        #expect(lex(#""a\qb" x"#) == ["1:1 error(unknownEscape(\"q\")) '\"a\\qb\"'", "1:8 word 'x'"])
        // The first problem is reported.
        #expect(errors(#""\q\z""#) == [.unknownEscape("q")])
        #expect(errors("\"\\\u{7}\"") == [.unknownEscape("\u{7}")])
    }

    @Test func badUnicodeEscapes() {
        let malformed = LexProblem.malformedUnicodeEscape
        #expect(errors(#""\u4E2D""#) == [malformed])
        #expect(errors(#""\u{}""#) == [malformed])
        #expect(errors(#""\u{1234567}""#) == [malformed])
        #expect(errors(#""\u{12""#) == [malformed])
        #expect(errors(#""\u{xyz}""#) == [malformed])
        #expect(errors(#""\u{D800}""#) == [.invalidUnicodeScalar(hex: "D800")])
        #expect(errors(#""\u{110000}""#) == [.invalidUnicodeScalar(hex: "110000")])
        // Still one token for the whole string, and what follows lexes normally.
        #expect(lex(#""\u{D800}" x"#).count == 2)
    }

    @Test func unterminatedStrings() {
        #expect(
            lex("say \"hello\nnext") == [
                "1:1 word 'say'",
                "1:5 error(unterminatedString) '\"hello'",
                "1:11 end '\n'",
                "2:1 word 'next'",
            ])
        #expect(lex("say \"hello") == ["1:1 word 'say'", "1:5 error(unterminatedString) '\"hello'"])
        #expect(lex("\"abc\\") == ["1:1 error(unterminatedString) '\"abc\\'"])
        #expect(lex("\"abc\\\nx") == ["1:1 error(unterminatedString) '\"abc\\'", "1:6 end '\n'", "2:1 word 'x'"])
        #expect(lex("\"ab\r\nx") == ["1:1 error(unterminatedString) '\"ab'", "1:4 end '\r\n'", "2:1 word 'x'"])
    }

    // MARK: Numbers

    @Test func numbers() {
        #expect(
            kinds("42 1.5 1_200_000 3.2e10 1e-3 3.2e+10 2.5E3 0 007 1_000.000_1") == [
                .number(42), .number(1.5), .number(1_200_000), .number(3.2e10), .number(1e-3),
                .number(3.2e10), .number(2500), .number(0), .number(7), .number(1000.0001),
            ])
        #expect(
            kinds("funds=1200000 revenue=32000000000") == [
                .word, .symbol("="), .number(1_200_000), .word, .symbol("="), .number(32_000_000_000),
            ])
    }

    @Test func leadingMinusIsASymbol() {
        #expect(
            lex("-5 a - b a-b 5-") == [
                "1:1 symbol(-) '-'",
                "1:2 number(5) '5'",
                "1:4 word 'a'",
                "1:6 symbol(-) '-'",
                "1:8 word 'b'",
                "1:10 word 'a-b'",
                "1:14 error(malformedNumber(\"5-\", arithmetic: true)) '5-'",
            ])
        #expect(kinds("1+2") == [.number(1), .symbol("+"), .number(2)])
        #expect(kinds("2e+x") == [.word, .symbol("+"), .word])
        #expect(kinds("/x") == [.symbol("/"), .word])
    }

    @Test func malformedNumbers() {
        #expect(errors("1.2.3") == [.malformedNumber("1.2.3", arithmetic: false)])
        #expect(errors("1__0") == [.malformedNumber("1__0", arithmetic: false)])
        #expect(errors("1_") == [.malformedNumber("1_", arithmetic: false)])
        #expect(errors("1.") == [.malformedNumber("1.", arithmetic: false)])
        #expect(errors("1._5") == [.malformedNumber("1._5", arithmetic: false)])
        #expect(errors("1/2") == [.malformedNumber("1/2", arithmetic: true)])
        #expect(errors("1e999") == [.numberTooLarge("1e999")])
        #expect(lex("1.2.3 x") == ["1:1 error(malformedNumber(\"1.2.3\", arithmetic: false)) '1.2.3'", "1:7 word 'x'"])
    }

    @Test func digitLedWords() {
        #expect(
            lex("3rd 101a 2e 1_a 3张") == [
                "1:1 word '3rd'",
                "1:5 word '101a'",
                "1:10 word '2e'",
                "1:13 word '1_a'",
                "1:17 word '3张'",
            ])
    }

    // MARK: Dates and periods

    @Test func dates() {
        #expect(
            kinds("2009-03-02 start=2010-12-01 2000-02-29") == [
                .date(day(2009, 3, 2)), .word, .symbol("="), .date(day(2010, 12, 1)), .date(day(2000, 2, 29)),
            ])
        #expect(errors("2009-02-30") == [.notARealDate("2009-02-30")])
        #expect(errors("2009-13-01") == [.notARealDate("2009-13-01")])
        #expect(errors("1900-02-29") == [.notARealDate("1900-02-29")])
        #expect(errors("2009-3-2") == [.malformedDate("2009-3-2")])
        // Slashes: a date written the other way, not a division to space out.
        #expect(errors("2010/01/01") == [.malformedDate("2010/01/01")])
        #expect(errors("02/01/2010") == [.malformedDate("02/01/2010")])
        #expect(errors("1/2/3") == [.malformedNumber("1/2/3", arithmetic: true)])
        #expect(lex("2009-02-30 y") == ["1:1 error(notARealDate(\"2009-02-30\")) '2009-02-30'", "1:12 word 'y'"])
    }

    @Test func periods() {
        #expect(
            lex("2008..2012 2009..2009 2009-01-01..2009-06-30") == [
                "1:1 period(2008..2012,years) '2008..2012'",
                "1:12 period(2009,years) '2009..2009'",
                "1:23 period(2009-01-01..2009-06-30) '2009-01-01..2009-06-30'",
            ])
        #expect(kinds("2008..2012") == [.period(Period(years: 2008, 2012)!)])
        #expect(kinds("2009-01-01..2009-06-30") == [.period(Period(first: day(2009, 1, 1), last: day(2009, 6, 30)))])
        #expect(
            kinds("period=2008..2012)") == [
                .word, .symbol("="), .period(Period(years: 2008, 2012)!), .symbol(")"),
            ])
    }

    @Test func badPeriods() {
        #expect(errors("2012..2008") == [.emptyPeriod("2012..2008", byDays: false)])
        #expect(errors("2009-06-30..2009-01-01") == [.emptyPeriod("2009-06-30..2009-01-01", byDays: true)])
        #expect(errors("2009-02-30..2009-06-30") == [.notARealDate("2009-02-30")])
        #expect(errors("2009-01-01..2009-06-31") == [.notARealDate("2009-06-31")])
        #expect(errors("0000..2009") == [.notARealPeriod("0000..2009")])
        #expect(errors("2009..2009-06-30") == [.malformedPeriod("2009..2009-06-30")])
        #expect(errors("1..2") == [.malformedPeriod("1..2")])
    }

    // MARK: Variables and symbols

    @Test func variables() {
        #expect(
            lex("echo $name $x_1 $张 $1a") == [
                "1:1 word 'echo'",
                "1:6 variable(name) '$name'",
                "1:12 variable(x_1) '$x_1'",
                "1:17 variable(张) '$张'",
                "1:20 variable(1a) '$1a'",
            ])
        #expect(lex("$a.b") == ["1:1 variable(a) '$a'", "1:3 error(unexpectedDot) '.'", "1:4 word 'b'"])
        #expect(lex("$ x") == ["1:1 error(missingVariableName) '$'", "1:3 word 'x'"])
        #expect(lex("$") == ["1:1 error(missingVariableName) '$'"])
        #expect(lex("$-") == ["1:1 error(missingVariableName) '$'", "1:2 symbol(-) '-'"])
    }

    @Test func symbols() {
        #expect(
            kinds("= != < <= > >= >> + - * / ( ) ,")
                == [
                    "=", "!=", "<", "<=", ">", ">=", ">>", "+", "-", "*", "/", "(", ")", ",",
                ].map { .symbol($0) })
        #expect(
            lex("a>=b<c>>d") == [
                "1:1 word 'a'",
                "1:2 symbol(>=) '>='",
                "1:4 word 'b'",
                "1:5 symbol(<) '<'",
                "1:6 word 'c'",
                "1:7 symbol(>>) '>>'",
                "1:9 word 'd'",
            ])
        #expect(kinds(">>=") == [.symbol(">>"), .symbol("=")])
        #expect(kinds("c1,c3") == [.word, .symbol(","), .word])
    }

    /// The text users see, declared beside the cases: invisible characters are escaped, quotes
    /// other than `"` get a hint.
    @Test func messagesOfLexProblems() {
        #expect(LexProblem.unexpectedCharacter("\u{7}").message == "unexpected character '\\u{7}'")
        #expect(LexProblem.unexpectedCharacter("\r").message == "unexpected character '\\u{D}'")
        #expect(
            LexProblem.unexpectedCharacter("'").message
                == "unexpected character ''' (strings use plain double quotes \")")
        #expect(LexProblem.unknownEscape("\u{7}").message == "unknown escape '\\\\u{7}' in string")
        #expect(
            LexProblem.malformedNumber("1/2", arithmetic: true).message
                == "malformed number '1/2': put spaces around - and / to do arithmetic, as in 1 / 3")
        #expect(
            LexProblem.emptyPeriod("2009-06-30..2009-01-01", byDays: true).message
                == "empty period 2009-06-30..2009-01-01: the first day is after the last")
        #expect(LexProblem.unterminatedString.phase == .lexing)
    }

    @Test func unexpectedCharacters() {
        #expect(lex("a ! b") == ["1:1 word 'a'", "1:3 error(unexpectedCharacter(\"!\")) '!'", "1:5 word 'b'"])
        #expect(errors("@") == [.unexpectedCharacter("@")])
        #expect(errors("%&") == [.unexpectedCharacter("%"), .unexpectedCharacter("&")])
        #expect(errors("\u{7}") == [.unexpectedCharacter("\u{7}")])
        #expect(errors("a\rb") == [.unexpectedCharacter("\r")])
        #expect(errors("\u{A0}") == [.unexpectedCharacter("\u{A0}")])
        #expect(errors("😀") == [.unexpectedCharacter("😀")])
        #expect(errors("'x'") == [.unexpectedCharacter("'"), .unexpectedCharacter("'")])
        #expect(errors(".") == [.unexpectedDot])
        #expect(lex("..5") == ["1:1 error(unexpectedDot) '.'", "1:2 error(unexpectedDot) '.'", "1:3 number(5) '5'"])
        // One token per bad scalar, and columns keep counting scalars.
        let emoji = tokens("😀😀x").dropLast()
        #expect(emoji.map(\.kind) == [.error(.unexpectedCharacter("😀")), .error(.unexpectedCharacter("😀")), .word])
        #expect(emoji.map(\.range.start.column) == [1, 2, 3])
    }

    // MARK: Commands, comments, continuation

    @Test func newlinesEndCommands() {
        #expect(lex("a\nb\n") == ["1:1 word 'a'", "1:2 end '\n'", "2:1 word 'b'", "2:2 end '\n'"])
        #expect(lex("a\r\nb") == ["1:1 word 'a'", "1:2 end '\r\n'", "2:1 word 'b'"])
    }

    @Test func blankAndCommentLinesCollapse() {
        #expect(
            lex("\n\n  a # trailing\n\n# comment\n   \n\t# more\nb\n\n") == [
                "3:3 word 'a'",
                "3:15 end '\n'",
                "8:1 word 'b'",
                "8:2 end '\n'",
            ])
    }

    @Test func semicolonsEndCommands() {
        #expect(
            lex("a;b ; ;c;\n d") == [
                "1:1 word 'a'",
                "1:2 end ';'",
                "1:3 word 'b'",
                "1:5 end ';'",
                "1:8 word 'c'",
                "1:9 end ';'",
                "2:2 word 'd'",
            ])
        #expect(kinds(";a") == [.word])
        #expect(kinds("\"a;b\";c") == [.string("a;b"), .endOfCommand, .word])
        #expect(kinds("a # x;y\nb") == [.word, .endOfCommand, .word])
    }

    @Test func shebangLineIsAComment() {
        #expect(lex("#!/usr/bin/env cts\nunit list\n") == ["2:1 word 'unit'", "2:6 word 'list'", "2:10 end '\n'"])
    }

    @Test func hashInsideAWordStartsAComment() {
        #expect(kinds("a#b c") == [.word])
    }

    @Test func backslashContinuation() {
        #expect(
            lex("rule add x \\\n    for=y\nz") == [
                "1:1 word 'rule'",
                "1:6 word 'add'",
                "1:10 word 'x'",
                "2:5 word 'for'",
                "2:8 symbol(=) '='",
                "2:9 word 'y'",
                "2:10 end '\n'",
                "3:1 word 'z'",
            ])
        // Trailing blanks and a comment after the backslash; CRLF.
        #expect(lex("a \\  \t# why not\nb") == ["1:1 word 'a'", "2:1 word 'b'"])
        #expect(lex("a \\\r\nb") == ["1:1 word 'a'", "2:1 word 'b'"])
        // Directly after a word, too.
        #expect(lex("a\\\nb") == ["1:1 word 'a'", "2:1 word 'b'"])
        // Several continued lines.
        #expect(kinds("a \\\nb \\\nc\nd") == [.word, .word, .word, .endOfCommand, .word])
        // A continuation onto a blank line: the blank line ends the command.
        #expect(kinds("a \\\n\nb") == [.word, .endOfCommand, .word])
        // At the very end of the text: no token.
        #expect(kinds("a \\") == [.word])
    }

    @Test func strayBackslash() {
        #expect(lex("a \\ b") == ["1:1 word 'a'", "1:3 error(strayBackslash) '\\'", "1:5 word 'b'"])
        #expect(errors("\\x") == [.strayBackslash])
        #expect(errors("a \\ # c\n") == [])
    }

    @Test func openParenContinuesAcrossLines() {
        #expect(
            lex("for=(a = b\n  and c)\nx") == [
                "1:1 word 'for'",
                "1:4 symbol(=) '='",
                "1:5 symbol(() '('",
                "1:6 word 'a'",
                "1:8 symbol(=) '='",
                "1:10 word 'b'",
                "2:3 word 'and'",
                "2:7 word 'c'",
                "2:8 symbol()) ')'",
                "2:9 end '\n'",
                "3:1 word 'x'",
            ])
        // Nested parens, blank and comment lines inside: no endOfCommand until all close.
        let k = kinds("f((a\n\n# c\n b)\n c)\nd")
        #expect(k.filter { $0 == .endOfCommand }.count == 1)
        #expect(k.last == .word)
        // An extra `)` does not make the depth negative.
        #expect(kinds(") a\nb") == [.symbol(")"), .word, .endOfCommand, .word])
        // `;` ends the command even inside parens, and closes them.
        #expect(kinds("(a;b\nc") == [.symbol("("), .word, .endOfCommand, .word, .endOfCommand, .word])
    }

    // MARK: isIncomplete

    @Test func incompleteText() {
        #expect(Lexer.isIncomplete("rule add x \\"))
        #expect(Lexer.isIncomplete("rule add x \\   "))
        #expect(Lexer.isIncomplete("rule add x \\  # more to come"))
        #expect(Lexer.isIncomplete("rule add x \\\n"))
        #expect(Lexer.isIncomplete("rule add x for=(a = b"))
        #expect(Lexer.isIncomplete("rule add x for=(a = b\n and (c"))
        #expect(Lexer.isIncomplete("rule add x for=(a = b\n"))
        #expect(Lexer.isIncomplete("a\nb \\"))
    }

    @Test func completeText() {
        #expect(!Lexer.isIncomplete(""))
        #expect(!Lexer.isIncomplete("unit list"))
        #expect(!Lexer.isIncomplete("unit list\n"))
        #expect(!Lexer.isIncomplete("rule add x for=(a = b)"))
        #expect(!Lexer.isIncomplete("rule add x \\\n for=y"))
        #expect(!Lexer.isIncomplete("a \\ b"))
        #expect(!Lexer.isIncomplete("unit add js \"Jiangsu\""))
        #expect(!Lexer.isIncomplete("echo \"a\\\"b\""))
        #expect(!Lexer.isIncomplete("echo \"(\" # ( \\"))
        #expect(!Lexer.isIncomplete("a ) )"))
        #expect(!Lexer.isIncomplete("(a; b"))
        // A string cut by a newline is already an error: more lines cannot help.
        #expect(!Lexer.isIncomplete("echo \"abc\ndef\""))
        // So is one still open at the end: strings never span lines, even inside `(`.
        #expect(!Lexer.isIncomplete("unit add js \"Jiangsu"))
        #expect(!Lexer.isIncomplete("unit add js \"Jiangsu\\"))
        #expect(!Lexer.isIncomplete("count units where (name = \"Jiang"))
    }

    // MARK: Whole scripts

    @Test func workshopExample() throws {
        // The spec's example as the repository keeps it; the shared fixture is that file.
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../examples/workshop.cts").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == Workshop.script)
        let all = tokens(text)
        #expect(errors(text) == [])
        #expect(all.filter { $0.kind == .endOfCommand }.count == 33)
        #expect(all.last?.kind == .endOfFile)
        // The shebang line is a comment; the first token is `unit` on line 3.
        #expect(all[0].range.start.line == 3)
        #expect(all[0].range.start.column == 1)
        // The CJK name comes back intact.
        #expect(all.contains { $0.kind == .string("Zhang Min – 张敏") })
        #expect(all.contains { $0.kind == .period(Period(years: 2008, 2012)!) })
        #expect(all.contains { $0.kind == .date(day(2009, 3, 2)) })
        #expect(!Lexer.isIncomplete(text))
        // Every range reads back within the text, in order.
        var last = 0
        for token in all {
            #expect(token.range.start.utf8Offset >= last)
            #expect(token.range.end.utf8Offset >= token.range.start.utf8Offset)
            last = token.range.end.utf8Offset
        }
        #expect(last == text.utf8.count)
    }

    @Test func locationsAgreeWithSourceFile() {
        let text = "a \"张\" b\n  c 😀 d\n\te"
        let file = SourceFile(name: "t", text: text)
        for token in tokens(text) where token.kind != .endOfFile {
            let start = token.range.start
            let line = file.line(start.line)
            // Column counts scalars from the line start.
            let prefix = String(line.unicodeScalars.prefix(start.column - 1))
            #expect(file.lineStarts[start.line - 1] + prefix.utf8.count == start.utf8Offset)
        }
    }

    @Test func byteOrderMarkIsSkipped() {
        #expect(lex("\u{FEFF}unit list") == ["1:1 word 'unit'", "1:6 word 'list'"])
    }

    @Test func tokenizeTwiceGivesTheSameTokens() {
        var lexer = Lexer(text: "a (b\nc) \"x\" 1", fileID: 0)
        let first = lexer.tokenize()
        #expect(lexer.tokenize() == first)
    }

    /// A large script lexes to exactly its tokens (its speed is measured by scripts/bench, not here).
    @Test func largeScriptLexesWhole() {
        let line =
            "course add k1 \"Scientific Outlook – 科学发展观\" kind=off-job provider=js.ps start=2009-03-02 hours=300 period=2008..2012 # c\n"
        let text = String(repeating: line, count: 100_000)
        var lexer = Lexer(text: text, fileID: 0)
        #expect(lexer.tokenize().count == 100_000 * 20 + 1)
    }
}
