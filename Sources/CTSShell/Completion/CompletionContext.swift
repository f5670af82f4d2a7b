import CTSDomain
import CTSLanguage

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

/// Works out, from the text before the cursor alone, which word is being completed (the
/// lexical part: quotes, paths, `$`, comments) and asks the parser what may stand there
/// (``Parser/expectation(atEndOf:)``, the grammar's own answer).
struct CompletionContext {
    let partial: Partial
    let expectation: CandidateSources

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
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        /// What the parser accepts where the text is cut at `offset`.
        func expected(before offset: Int) -> CandidateSources {
            CandidateSources(Parser.expectation(atEndOf: string(0..<offset)))
        }

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
                partial = Partial(kind: .variable, start: lastStart, text: string(lastStart..<end))
                var e = CandidateSources()
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
        let raw = expected(before: rawStart)
        if raw.files {
            if quoteOpen {
                partial = Partial(kind: .quoted, start: rawStart + 1, text: string((rawStart + 1)..<end))
            } else {
                partial = Partial(kind: .path, start: rawStart, text: string(rawStart..<end))
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
        if let last, lastTouchesCursor {
            switch last.kind {
            case .word:
                partial = Partial(kind: .word, start: lastStart, text: string(lastStart..<end))
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
        expectation = partial.start == rawStart ? raw : expected(before: partial.start)
    }

    static func isBlank(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }
}
