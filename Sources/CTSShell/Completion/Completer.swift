#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CTSDomain
import CTSInterpreter
import CTSLanguage

/// One completion of the word at the cursor.
public struct CompletionCandidate: Equatable, Sendable {
    /// What is inserted: the whole word (`c-0012`), replacing what was typed of it.
    public var text: String
    /// Shown beside the candidate in a listing: the record's name, a function's usage, ...
    public var detail: String?
    /// Whether a space follows when this candidate is inserted alone: false after `kind=`,
    /// `hours(`, `unit.`, a directory `data/`.
    public var appendSpace: Bool

    public init(text: String, detail: String? = nil, appendSpace: Bool = true) {
        self.text = text
        self.detail = detail
        self.appendSpace = appendSpace
    }
}

/// The completions of the word at the cursor.
public struct Completion: Equatable, Sendable {
    /// UTF-8 offset in the line where the word being completed starts; a chosen candidate
    /// replaces the line's bytes from here to the cursor.
    public var wordStart: Int
    /// The part of that word already typed.
    public var prefix: String
    /// Sorted, deduplicated; each starts with `prefix` (ignoring case for keywords and enum
    /// values, exactly for ids and file names). At most ``Completer/candidateLimit``.
    public var candidates: [CompletionCandidate]
    /// The longest common prefix of all matches (also those beyond the limit); at least as
    /// long as `prefix` when there are matches, `prefix` itself when there are none.
    public var commonPrefix: String
    /// How many candidates matched before the limit was applied.
    public var totalCount: Int

    public init(
        wordStart: Int, prefix: String, candidates: [CompletionCandidate], commonPrefix: String,
        totalCount: Int? = nil
    ) {
        self.wordStart = wordStart
        self.prefix = prefix
        self.candidates = candidates
        self.commonPrefix = commonPrefix
        self.totalCount = totalCount ?? candidates.count
    }
}

/// TAB completion for the shell: pure computation over the line, the command table, the
/// grammar and the interpreter's session; no terminal I/O.
///
///     let completer = Completer(interpreter: interpreter)
///     let c = completer.complete(line: "enroll c1 in k", cursor: 14)
///     // c.wordStart == 13, c.candidates: k1 "Scientific Outlook ...", k2 ..., c.commonPrefix == "k"
public final class Completer {
    /// At most this many candidates are returned (the match count is in `totalCount`).
    public static let candidateLimit = 200

    public let interpreter: Interpreter
    private let listFiles: (String) -> [String]
    private var indexes: [EntityKind: IDIndex] = [:]

    public init(interpreter: Interpreter, listFiles: @escaping (String) -> [String] = Completer.listDirectory) {
        self.interpreter = interpreter
        self.listFiles = listFiles
    }

    /// Completion for the line up to `cursor` (a UTF-8 offset). Text after the cursor is ignored.
    public func complete(line: String, cursor: Int) -> Completion {
        complete(line: line, cursor: cursor, continuing: "")
    }

    /// Completion on a continuation line: `continuing` is the text of the command's earlier
    /// lines (each with its line end), so `for=(rank >= \n  cou` knows it is in a condition.
    /// Offsets stay relative to `line`.
    public func complete(line: String, cursor: Int, continuing: String) -> Completion {
        let lineBytes = Array(line.utf8)
        var end = max(0, min(cursor, lineBytes.count))
        while end > 0, end < lineBytes.count, lineBytes[end] & 0xC0 == 0x80 { end -= 1 }
        let before = continuing.utf8.count
        let context = CompletionContext(text: continuing + String(decoding: lineBytes[..<end], as: UTF8.self))
        let partial = context.partial
        let wordStart = max(0, partial.start - before)
        var completion = candidates(for: context.expectation, partial: partial)
        completion.wordStart = wordStart
        return completion
    }

    /// How many times the id index of a kind has been built (for tests of its laziness).
    func indexBuilds(_ kind: EntityKind) -> Int { indexes[kind]?.builds ?? 0 }

    // MARK: - Candidates

    private func candidates(for expectation: CandidateSources, partial: Partial) -> Completion {
        let prefix = partial.text
        var words: [CompletionCandidate] = []

        // Keywords, enum values, fields, functions: case-insensitive.
        var keywordSources = expectation.words
        if let scope = expectation.fields { keywordSources += CandidateSources.fieldWords(scope, typed: prefix) }
        let lowered = prefix.lowercased()
        for w in keywordSources where w.text.lowercased().hasPrefix(lowered) {
            words.append(CompletionCandidate(text: w.text, detail: w.detail, appendSpace: w.appendSpace))
        }

        // Variables and file names: exact.
        if expectation.variables {
            for name in interpreter.variables.keys where ("$" + name).hasPrefix(prefix) {
                words.append(CompletionCandidate(text: "$" + name))
            }
        }
        if expectation.files {
            for path in listFiles(prefix) where path.hasPrefix(prefix) {
                let isDirectory = path.hasSuffix("/")
                let text = partial.kind == .quoted && !isDirectory ? path + "\"" : path
                words.append(CompletionCandidate(text: text, appendSpace: !isDirectory))
            }
        }

        words.sort { $0.text < $1.text }
        var unique: [CompletionCandidate] = []
        for w in words where unique.last?.text != w.text { unique.append(w) }

        // Ids: by binary search in the sorted index of each kind, exact.
        var total = unique.count
        var ends: [String] = []  // first and last match of each id range, for the common prefix
        var ids: [CompletionCandidate] = []
        let session = interpreter.session
        for kind in expectation.ids {
            let index = self.index(kind, session)
            let range = index.range(prefix: prefix)
            guard !range.isEmpty else { continue }
            if kind == .unit, let only = expectation.unitKind {
                // Only some units fit (a provider is an institution): look at each match.
                let fitting = range.filter { session.units[index.slot(at: $0)]?.kind == only }
                guard let first = fitting.first, let last = fitting.last else { continue }
                total += fitting.count
                ends += [index.id(at: first), index.id(at: last)]
                for i in fitting.prefix(Self.candidateLimit) {
                    ids.append(CompletionCandidate(text: index.id(at: i), detail: index.detail(at: i, in: session)))
                }
                continue
            }
            total += range.count
            ends.append(index.id(at: range.lowerBound))
            ends.append(index.id(at: range.upperBound - 1))
            for i in range.prefix(Self.candidateLimit) {
                ids.append(CompletionCandidate(text: index.id(at: i), detail: index.detail(at: i, in: session)))
            }
        }

        var all = unique
        if !ids.isEmpty {
            if all.isEmpty && expectation.ids.count == 1 {
                all = ids
            } else {
                all += ids
                all.sort { $0.text < $1.text }
                var merged: [CompletionCandidate] = []
                for c in all where merged.last?.text != c.text { merged.append(c) }
                total -= all.count - merged.count
                all = merged
            }
        }
        if all.count > Self.candidateLimit { all.removeLast(all.count - Self.candidateLimit) }

        var common = total == 0 ? prefix : Self.commonPrefix(of: unique.map(\.text) + ends)
        if common.count < prefix.count { common = prefix }  // matches that differ only in case
        return Completion(
            wordStart: partial.start, prefix: prefix, candidates: all, commonPrefix: common, totalCount: total)
    }

    /// Brings the id indexes up to date now, so that no TAB pays for building one: the shell
    /// calls this before each prompt (after a bulk import it costs about 50 ms per 10⁶ ids).
    public func prepare() {
        for kind in EntityKind.allCases where kind.hasID {
            _ = index(kind, interpreter.session)
        }
    }

    private func index(_ kind: EntityKind, _ session: Session) -> IDIndex {
        let index: IDIndex
        if let existing = indexes[kind] {
            index = existing
        } else {
            index = IDIndex(kind: kind)
            indexes[kind] = index
        }
        index.refresh(from: session)
        return index
    }

    /// The longest common prefix, in whole characters.
    static func commonPrefix(of texts: [String]) -> String {
        guard var common = texts.first.map({ Substring($0) }) else { return "" }
        for text in texts.dropFirst() {
            var i = common.startIndex, j = text.startIndex
            while i < common.endIndex, j < text.endIndex, common[i] == text[j] {
                i = common.index(after: i)
                j = text.index(after: j)
            }
            common = common[..<i]
            if common.isEmpty { break }
        }
        return String(common)
    }

    // MARK: - Files

    /// File names for a path prefix (`data/se` → `data/sessions.ctsdb`, `data/seed/`):
    /// the entries of the prefix's directory that start with its last part, directories with
    /// a trailing `/`, sorted; hidden entries only when the last part starts with `.`.
    public static func listDirectory(_ prefix: String) -> [String] {
        let directory: String, name: String
        if let slash = prefix.lastIndex(of: "/") {
            directory = String(prefix[...slash])
            name = String(prefix[prefix.index(after: slash)...])
        } else {
            directory = ""
            name = prefix
        }
        guard let dir = opendir(directory.isEmpty ? "." : directory) else { return [] }
        defer { closedir(dir) }
        var result: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if entryName == "." || entryName == ".." { continue }
            if entryName.hasPrefix(".") && !name.hasPrefix(".") { continue }
            guard entryName.hasPrefix(name) else { continue }
            let path = directory + entryName
            var info = stat()
            let isDirectory = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            result.append(isDirectory ? path + "/" : path)
        }
        return result.sorted()
    }
}
