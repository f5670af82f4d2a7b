import CTSDomain
import CTSInterpreter
import CTSLanguage

/// The tokens of the command being typed, with their text read back from the line.
struct TokenView {
    let tokens: [Token]
    let bytes: [UInt8]

    var count: Int { tokens.count }

    func text(_ i: Int) -> String {
        let range = tokens[i].range
        return String(decoding: bytes[range.start.utf8Offset..<range.end.utf8Offset], as: UTF8.self)
    }

    func lower(_ i: Int) -> String { text(i).lowercased() }

    func isWord(_ i: Int) -> Bool { i < count && tokens[i].kind == .word }

    /// The keyword `word` (case-insensitive) at `i`.
    func isWord(_ i: Int, _ word: String) -> Bool { isWord(i) && lower(i) == word }

    func isSymbol(_ i: Int, _ symbol: String) -> Bool { i < count && tokens[i].kind == .symbol(symbol) }

    /// Whether nothing separates tokens `i` and `i + 1` (`kind=`).
    func touchesNext(_ i: Int) -> Bool {
        i + 1 < count && tokens[i].range.end.utf8Offset == tokens[i + 1].range.start.utf8Offset
    }

    /// The `)` that closes the `(` at `open`, if it was typed.
    func close(of open: Int) -> Int? {
        var depth = 0
        for i in open..<count {
            if isSymbol(i, "(") { depth += 1 }
            if isSymbol(i, ")") {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }
}

/// The word being completed: where it starts and what of it is typed.
struct Partial: Equatable {
    enum Kind: Equatable {
        /// An ordinary word (or nothing yet).
        case word
        /// A file name inside an unfinished `"...`; `start` is just after the quote.
        case quoted
        /// A file name written without quotes: everything since the last blank.
        case path
        /// `$name`.
        case variable
    }

    var kind: Kind
    /// UTF-8 offset in the text where the word starts.
    var start: Int
    var text: String
}

/// Works out, from the text before the cursor alone, which word is being completed and what
/// may stand there. It follows the command table and the parser's grammar: the command's
/// slots and options, the enrollment form, queries and their clauses, reports, conditions.
struct CompletionContext {
    let partial: Partial
    let expectation: Expectation

    init(text: String) {
        let bytes = Array(text.utf8)
        let end = bytes.count
        var lexer = Lexer(text: text, fileID: 0)
        var all = lexer.tokenize()
        all.removeLast()  // end of file
        let lastEnd = all.last?.range.end.utf8Offset ?? 0
        var commandStart = 0
        if let last = all.lastIndex(where: { $0.kind == .endOfCommand }) {
            commandStart = all[last].range.end.utf8Offset
            all.removeFirst(last + 1)
        }
        let view = TokenView(tokens: all, bytes: bytes)

        // Inside a comment: nothing to complete.
        if lastEnd < end, bytes[lastEnd..<end].contains(UInt8(ascii: "#")) {
            partial = Partial(kind: .word, start: end, text: "")
            expectation = .none
            return
        }

        let last = all.last
        let lastTouchesCursor = last.map { $0.range.end.utf8Offset == end } ?? false
        let lastStart = last?.range.start.utf8Offset ?? end
        let quoteOpen: Bool = {
            guard let last, lastTouchesCursor, case .error = last.kind else { return false }
            return bytes[lastStart] == UInt8(ascii: "\"")
        }()

        // `$name`, or a lone `$`.
        if let last, lastTouchesCursor, bytes[lastStart] == UInt8(ascii: "$") {
            switch last.kind {
            case .variable, .error:
                partial = Partial(kind: .variable, start: lastStart, text: view.text(all.count - 1))
                var e = Expectation()
                e.variables = true
                expectation = e
                return
            default:
                break
            }
        }

        // A file name may hold characters that are not word characters (`../a`, `/tmp/x`),
        // so first see whether a file is expected before the whole blank-delimited word.
        var rawStart = end
        if quoteOpen {
            rawStart = lastStart
        } else {
            while rawStart > commandStart, !Self.isBlank(bytes[rawStart - 1]) { rawStart -= 1 }
            while rawStart < end, bytes[rawStart] == UInt8(ascii: ">") { rawStart += 1 }
        }
        let before = all.prefix { $0.range.end.utf8Offset <= rawStart }
        let rawExpectation = Analyzer(view: TokenView(tokens: Array(before), bytes: bytes)).analyze()
        if rawExpectation.files {
            if quoteOpen {
                partial = Partial(
                    kind: .quoted, start: rawStart + 1,
                    text: String(decoding: bytes[(rawStart + 1)..<end], as: UTF8.self))
            } else {
                partial = Partial(
                    kind: .path, start: rawStart, text: String(decoding: bytes[rawStart..<end], as: UTF8.self))
            }
            expectation = .files
            return
        }
        if quoteOpen {
            // Text being typed in quotes (a name, a title): nothing to complete.
            partial = Partial(kind: .word, start: end, text: "")
            expectation = .none
            return
        }

        // An ordinary word: the last token if it is a word touching the cursor.
        var context = all
        if let last, lastTouchesCursor {
            switch last.kind {
            case .word:
                partial = Partial(kind: .word, start: lastStart, text: view.text(all.count - 1))
                context.removeLast()
            case .symbol:
                partial = Partial(kind: .word, start: end, text: "")
            default:
                // In the middle of a number, a date, a string just closed, or bad input.
                partial = Partial(kind: .word, start: end, text: "")
                expectation = .none
                return
            }
        } else {
            partial = Partial(kind: .word, start: end, text: "")
        }
        expectation = Analyzer(view: TokenView(tokens: context, bytes: bytes)).analyze()
    }

    static func isBlank(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }
}
