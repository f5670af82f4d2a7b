import Testing
@testable import CTSLanguage
import CTSDomain

// Shared helpers for the parser tests: parse one command, describe AST values as short
// strings that tests compare exactly, and read position markers (1️⃣ 2️⃣ ...) out of a
// source so that columns are checked exactly (style guide item 15).

struct ParserTestFailure: Error, CustomStringConvertible {
    let description: String
}

/// Parses `text` and returns its single command; records an issue (and throws) otherwise.
func parseCommand(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Command {
    let items = Parser.parse(text, fileID: 0)
    guard items.count == 1 else {
        Issue.record("expected one command, got \(items.count): \(items.map(describe))", sourceLocation: sourceLocation)
        throw ParserTestFailure(description: "wrong item count")
    }
    switch items[0] {
    case .command(let command): return command
    case .error(let diagnostic):
        Issue.record("expected a command, got error: \(describe(diagnostic))", sourceLocation: sourceLocation)
        throw ParserTestFailure(description: diagnostic.message)
    }
}

/// Parses `text`, expects one command, and returns its body described as a string.
func body(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    describe(try parseCommand(text, sourceLocation: sourceLocation).body)
}

/// Parses `text` as the argument of `print` and describes the expression.
func expr(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    let command = try parseCommand("print " + text, sourceLocation: sourceLocation)
    guard case .print(let e, let out) = command.body else {
        Issue.record("not a print command", sourceLocation: sourceLocation)
        throw ParserTestFailure(description: "not print")
    }
    #expect(out == OutputClause(), sourceLocation: sourceLocation)
    return describe(e)
}

/// The expression of `print TEXT`, as a value (for range checks).
func printExpr(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Expr {
    let command = try parseCommand(text, sourceLocation: sourceLocation)
    guard case .print(let e, _) = command.body else {
        Issue.record("not a print command", sourceLocation: sourceLocation)
        throw ParserTestFailure(description: "not print")
    }
    return e
}

/// Parses `text` and returns its single diagnostic; records an issue (and throws) otherwise.
func parseError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
    let items = Parser.parse(text, fileID: 0)
    guard items.count == 1, case .error(let diagnostic) = items[0] else {
        Issue.record("expected exactly one error, got \(items.map(describe))", sourceLocation: sourceLocation)
        throw ParserTestFailure(description: "no error")
    }
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    return diagnostic
}

/// Expects `markedSource` (with 1️⃣ where the error starts, and optionally 2️⃣ where it ends)
/// to give exactly one error, `problem` (its case and arguments), with exactly `notes`.
///
///     expectError("1️⃣lisst2️⃣ cadres", ParseProblem.unknownCommand("lisst", candidates: CommandTable.firstWords))
func expectError(
    _ markedSource: String, _ problem: some Problem, notes: [String] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let (text, marks) = unmark(markedSource)
    guard let start = marks["1️⃣"] else {
        Issue.record("the source has no 1️⃣ marker", sourceLocation: sourceLocation)
        return
    }
    guard let diagnostic = try? parseError(text, sourceLocation: sourceLocation) else { return }
    #expect(diagnostic.is(problem), "\(diagnostic.problem)", sourceLocation: sourceLocation)
    #expect(diagnostic.notes == notes, sourceLocation: sourceLocation)
    guard let range = diagnostic.range else {
        Issue.record("the error has no range", sourceLocation: sourceLocation)
        return
    }
    #expect(Mark(range.start) == start, "start", sourceLocation: sourceLocation)
    if let end = marks["2️⃣"] {
        #expect(Mark(range.end) == end, "end", sourceLocation: sourceLocation)
    }
}

// MARK: - Markers

/// A line, column and UTF-8 offset, as a marker or a location gives them.
struct Mark: Hashable, CustomStringConvertible {
    var line: Int
    var column: Int
    var offset: Int

    init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    init(_ location: CTSLanguage.SourceLocation) {
        self.init(line: location.line, column: location.column, offset: location.utf8Offset)
    }

    var description: String { "\(line):\(column)@\(offset)" }
}

let markers: Set<Character> = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

/// Removes the markers from `marked` and returns the text and where each marker stood
/// (1-based line and column counted in Unicode scalars, as `SourceLocation` documents).
func unmark(_ marked: String) -> (text: String, marks: [String: Mark]) {
    var text = ""
    var marks: [String: Mark] = [:]
    var line = 1, column = 1, offset = 0
    for character in marked {
        if markers.contains(character) {
            marks[String(character)] = Mark(line: line, column: column, offset: offset)
            continue
        }
        text.append(character)
        offset += character.utf8.count
        if character == "\n" || character == "\r\n" {
            line += 1
            column = 1
        } else {
            column += character.unicodeScalars.count
        }
    }
    return (text, marks)
}

/// The range of a node as `start-end` marks.
func span(_ range: SourceRange) -> String { "\(Mark(range.start))-\(Mark(range.end))" }

/// The span between two markers of a marked source.
func span(_ marks: [String: Mark], _ from: String, _ to: String) -> String {
    "\(marks[from]!)-\(marks[to]!)"
}

// MARK: - Describing AST values

func number(_ n: Number) -> String { n.description }

/// `word:c1`, `str:"Li Wei"`, `num:12`, `date:2009-03-02`, `period:2008..2012`, `var:$x`,
/// `list[...]`, `cond(SOURCE)`.
func describe(_ argument: Argument) -> String {
    switch argument.kind {
    case .word(let w): "word:\(w)"
    case .string(let s): "str:\"\(s)\""
    case .number(let n): "num:\(number(n))"
    case .date(let d): "date:\(d)"
    case .period(let p): "period:\(p)"
    case .variable(let v): "var:$\(v)"
    case .list(let items): "list[\(items.map(describe).joined(separator: ", "))]"
    case .condition(let e, let source): "cond(\(source)) = \(describe(e))"
    }
}

func describe(_ option: Option) -> String { "\(option.key.value)=\(describe(option.value))" }

/// Positionals, then `;`, then options: `word:js str:"J" ; kind=word:locality`.
func describe(_ args: Arguments) -> String {
    var parts = args.positionals.map(describe)
    if !args.options.isEmpty { parts += [";"] + args.options.map(describe) }
    return parts.joined(separator: " ")
}

/// Expressions in prefix form: `(and (>= rank county) (= category leading))`.
func describe(_ e: Expr) -> String {
    switch e.kind {
    case .number(let n): number(n)
    case .string(let s): "\"\(s)\""
    case .date(let d): "\(d)"
    case .period(let p): "\(p)"
    case .variable(let v): "$\(v)"
    case .word(let w): w
    case .negate(let x): "(neg \(describe(x)))"
    case .not(let x): "(not \(describe(x)))"
    case .binary(let op, let l, let r): "(\(op.rawValue) \(describe(l)) \(describe(r)))"
    case .chain(let first, let links):
        links.reduce(describe(first)) { "(\($1.op.rawValue) \($0) \(describe($1.operand)))" }
    case .isIn(let x, let items): "(in \(describe(x)) [\(items.map(describe).joined(separator: " "))])"
    case .call(let name, let args): "\(name.value)(\(args.map(describe).joined(separator: " ")))"
    case .aggregate(let a): describe(a)
    case .of(let x, let kind, let id): "(of \(describe(x)) \(kind.value.singular) \(describe(id)))"
    }
}

func describe(_ a: Aggregate) -> String {
    var s = "\(a.function.rawValue)("
    if let x = a.expression { s += describe(x) + " of " }
    s += a.collection.value.plural
    if let c = a.condition { s += " where " + describe(c) }
    return s + ")"
}

func describe(_ q: Query) -> String {
    var s = q.collection.value.plural
    if let c = q.condition { s += " where \(describe(c))" }
    if !q.sort.isEmpty {
        s += " sort " + q.sort.map { describe($0.expression) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
    }
    if let l = q.limit { s += " limit \(l.value)" }
    if !q.columns.isEmpty {
        s += " columns " + q.columns.map { "\(describe($0.expression)) '\($0.header)'" }.joined(separator: ", ")
    }
    if let g = q.groupBy { s += " by \(describe(g))" }
    return s
}

func describe(_ out: OutputClause) -> String {
    var s = ""
    if let f = out.format { s += " as \(f.value)" }
    if let r = out.redirect { s += (r.append ? " >> " : " > ") + describe(r.path) }
    return s
}

func describe(_ selection: CadreSelection) -> String {
    switch selection {
    case .ids(let ids): "ids[\(ids.map(describe).joined(separator: ", "))]"
    case .matching(let e, _): "(cadres where \(describe(e)))"
    }
}

func describe(_ part: EchoPart) -> String {
    switch part {
    case .text(let t): "'\(t)'"
    case .variable(let v): "$\(v.value)"
    }
}

func describe(_ body: Command.Body) -> String {
    switch body {
    case .record(let args): "record" + (args == Arguments() ? "" : " " + describe(args))
    case .simple(let args): "simple" + (args == Arguments() ? "" : " " + describe(args))
    case .enrollment(let action, let selection, let course, let args):
        "\(action.rawValue) \(describe(selection)) in \(describe(course))"
            + (args.options.isEmpty && args.positionals.isEmpty ? "" : " " + describe(args))
    case .list(let q, let out): "list \(describe(q))\(describe(out))"
    case .count(let q, let out): "count \(describe(q))\(describe(out))"
    case .stats(let e, let q, let out): "stats \(describe(e)) of \(describe(q))\(describe(out))"
    case .report(let r, let out):
        "report \(r.kind.value.rawValue)"
            + r.arguments.map { " " + describe($0) }.joined()
            + (r.under.map { " under \(describe($0))" } ?? "")
            + (r.groupBy.map { " by \($0.value)" } ?? "")
            + describe(out)
    case .letBinding(let name, let e): "let \(name.value) = \(describe(e))"
    case .echo(let parts): "echo [\(parts.map(describe).joined(separator: " "))]"
    case .assert(let e, let message): "assert \(describe(e))" + (message.map { " " + describe($0) } ?? "")
    case .print(let e, let out): "print \(describe(e))\(describe(out))"
    }
}

func describe(_ diagnostic: Diagnostic) -> String {
    let at = diagnostic.range.map { "\($0.start.line):\($0.start.column)" } ?? "-"
    return "\(at): \(diagnostic.message)"
}

func describe(_ item: ParsedItem) -> String {
    switch item {
    case .command(let c): "\(c.spec.name): \(describe(c.body))"
    case .error(let d): "error \(describe(d))"
    }
}

/// The usage line of the command named `name`, as errors quote it.
func usage(_ name: String) -> String { CommandTable.spec(named: name)!.usage }
