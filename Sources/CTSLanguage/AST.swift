import CTSDomain

/// A value with the source range it was read from.
public struct Located<Wrapped: Hashable & Sendable>: Hashable, Sendable {
    public var value: Wrapped
    public var range: SourceRange

    public init(_ value: Wrapped, _ range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// An argument as written: `c1`, `"Li Wei"`, `12`, `2009-03-02`, `2008..2012`, `$x`,
/// `off-job,rotation`, or a parenthesized condition `(rank >= county)`.
public struct Argument: Hashable, Sendable {
    /// Only a condition is boxed (an `Expr` is large); the other kinds are stored inline, so
    /// an argument costs no allocation of its own.
    public enum Kind: Hashable, Sendable {
        case word(String)
        case string(String)
        case number(Number)
        case date(Day)
        case period(Period)
        case variable(String)
        case list([Argument])
        /// A condition in parentheses, with its source text (without the parentheses).
        indirect case condition(Expr, source: String)
    }

    public var kind: Kind
    public var range: SourceRange
    /// A number as it was written (`007`, `1e3`, `1.50`). An id or a name is a word (spec §1)
    /// even when it looks like a number, so where one is expected it is read from this text,
    /// byte for byte, never from the number it also spells.
    public var written: String?

    public init(_ kind: Kind, _ range: SourceRange, written: String? = nil) {
        self.kind = kind
        self.range = range
        self.written = written
    }

    /// The word, if this argument is a plain word.
    public var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }
}

/// `key=value` on a command.
public struct Option: Hashable, Sendable {
    public var key: Located<String>
    public var value: Argument

    public init(key: Located<String>, value: Argument) {
        self.key = key
        self.value = value
    }

    public var range: SourceRange { key.range.through(value.range) }
}

/// Positional arguments and options of a command, in the order written.
public struct Arguments: Hashable, Sendable {
    public var positionals: [Argument] = []
    public var options: [Option] = []

    public init(positionals: [Argument] = [], options: [Option] = []) {
        self.positionals = positionals
        self.options = options
    }

    public func option(_ key: String) -> Option? { options.first { $0.key.value == key } }
}

/// An expression or condition.
public struct Expr: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case number(Number)
        case string(String)
        case date(Day)
        case period(Period)
        case variable(String)
        /// A bare word: a field or dotted path (`unit.level`), an enum value, an id, or `today`.
        /// Which one is decided against the records the expression ranges over.
        case word(String)
        case negate(Expr)
        case not(Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// Three or more terms joined left to right by operators of one precedence level:
        /// `a or b or c`, `x + y - z`, `p * q / r`. Kept flat, so that a condition generated
        /// over thousands of ids parses, binds, runs and is freed without deep recursion.
        /// (Two terms are a `.binary`.)
        case chain(Expr, [ChainLink])
        /// `FIELD in (V1, V2, ...)`
        case isIn(Expr, [Expr])
        /// `FUNCTION(ARG, ...)`: hours, compliant, applies, year, ...
        case call(Located<String>, [Expr])
        /// `count(cadres where C)`, `sum(EXPR of courses where C)`, ...
        case aggregate(Aggregate)
        /// `EXPR of cadre c1`: the expression evaluated on one record.
        case of(Expr, Located<EntityKind>, Argument)
    }

    public var kind: Kind
    public var range: SourceRange
    /// A number literal as it was written, for comparisons with ids and text (`id = 007`);
    /// see ``Argument/written``.
    public var written: String?

    public init(_ kind: Kind, _ range: SourceRange, written: String? = nil) {
        self.kind = kind
        self.range = range
        self.written = written
    }
}

extension Expr {
    /// The expressions directly inside this one, left to right (for `of`, the inner one).
    public var children: [Expr] {
        switch kind {
        case .number, .string, .date, .period, .variable, .word: []
        case .negate(let e), .not(let e), .of(let e, _, _): [e]
        case .binary(_, let a, let b): [a, b]
        case .chain(let first, let links): [first] + links.map(\.operand)
        case .isIn(let e, let items): [e] + items
        case .call(_, let args): args
        case .aggregate(let a): [a.expression, a.condition].compactMap { $0 }
        }
    }

    /// This expression and every one inside it, in source order (depth first, left to
    /// right), without recursion: a generated condition may hold thousands of terms.
    public var all: [Expr] {
        var result: [Expr] = []
        var stack = [self]
        while let e = stack.popLast() {
            result.append(e)
            stack.append(contentsOf: e.children.reversed())
        }
        return result
    }
}

/// One operator and the term after it in a ``Expr/Kind/chain(_:_:)``.
public struct ChainLink: Hashable, Sendable {
    public var op: BinaryOperator
    public var operand: Expr

    public init(_ op: BinaryOperator, _ operand: Expr) {
        self.op = op
        self.operand = operand
    }
}

extension Expr {
    /// `first` followed by `links`, left-associative: `first` alone, a `.binary` for one link,
    /// a flat `.chain` for more.
    public static func joined(_ first: Expr, _ links: [ChainLink]) -> Expr {
        guard let last = links.last else { return first }
        let range = first.range.through(last.operand.range)
        if links.count == 1 { return Expr(.binary(last.op, first, last.operand), range) }
        return Expr(.chain(first, links), range)
    }
}

public enum BinaryOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or, contains, under
}

public enum AggregateFunction: String, CaseIterable, Hashable, Sendable {
    case count, sum, avg, min, max
}

/// `count(COLLECTION [where C])` or `FN(EXPR of COLLECTION [where C])`.
public struct Aggregate: Hashable, Sendable {
    public var function: AggregateFunction
    /// nil for count.
    public var expression: Expr?
    public var collection: Located<EntityKind>
    public var condition: Expr?

    public init(function: AggregateFunction, expression: Expr?, collection: Located<EntityKind>, condition: Expr?) {
        self.function = function
        self.expression = expression
        self.collection = collection
        self.condition = condition
    }
}

/// One key of `sort`: a field or expression, ascending unless `desc`.
public struct SortKey: Hashable, Sendable {
    public var expression: Expr
    public var descending: Bool

    public init(expression: Expr, descending: Bool) {
        self.expression = expression
        self.descending = descending
    }
}

/// `COLLECTION [where C] [sort ...] [limit N] [columns ...] [by F]`.
public struct Query: Hashable, Sendable {
    public var collection: Located<EntityKind>
    public var condition: Expr?
    public var sort: [SortKey] = []
    public var limit: Located<Int>?
    /// Columns with their header text as written.
    public var columns: [Column] = []
    public var groupBy: Expr?

    public init(collection: Located<EntityKind>) {
        self.collection = collection
    }
}

/// A column of `list ... columns`: an expression and the header it is shown under.
public struct Column: Hashable, Sendable {
    public var expression: Expr
    public var header: String

    public init(expression: Expr, header: String) {
        self.expression = expression
        self.header = header
    }
}

/// `as FORMAT`, `> FILE`, `>> FILE` at the end of a query or report.
public struct OutputClause: Hashable, Sendable {
    public var format: Located<String>?
    public var redirect: Redirect?

    public init(format: Located<String>? = nil, redirect: Redirect? = nil) {
        self.format = format
        self.redirect = redirect
    }
}

public struct Redirect: Hashable, Sendable {
    public var path: Argument
    public var append: Bool

    public init(path: Argument, append: Bool) {
        self.path = path
        self.append = append
    }
}

/// Who a bulk enrollment command is about: listed ids, or `(cadres where C)`.
public enum CadreSelection: Hashable, Sendable {
    case ids([Argument])
    case matching(Expr, range: SourceRange)
}

public enum EnrollmentAction: String, Hashable, Sendable {
    case enroll, complete, absent, withdraw
}

public enum ReportKind: String, CaseIterable, Hashable, Sendable {
    case compliance, budget, inspections, courses, plan
}

/// A report and its arguments: `report compliance lead5y by unit`.
public struct Report: Hashable, Sendable {
    public var kind: Located<ReportKind>
    /// Positional arguments: the rule, the period, the year, `open`/`overdue`.
    public var arguments: [Argument]
    public var under: Argument?
    public var groupBy: Located<String>?

    public init(kind: Located<ReportKind>, arguments: [Argument], under: Argument?, groupBy: Located<String>?) {
        self.kind = kind
        self.arguments = arguments
        self.under = under
        self.groupBy = groupBy
    }
}

/// A piece of `echo`'s text: literal text, or a variable to expand.
public enum EchoPart: Hashable, Sendable {
    case text(String)
    case variable(Located<String>)
}

/// One parsed command.
public struct Command: Hashable, Sendable {
    public enum Body: Hashable, Sendable {
        /// Table-driven record commands (`unit add`, `cadre set`, `budget set`, `course remove`,
        /// `exempt`, `finding resolve`, ...): what they mean is in their ``CommandSpec``.
        case record(Arguments)
        case enrollment(EnrollmentAction, CadreSelection, course: Argument, Arguments)
        // The cases of queries and reports are boxed: they are rare in a big script, and
        // inline they made every body a few hundred bytes (a body is moved a few times as
        // it is made).
        indirect case list(Query, OutputClause)
        indirect case count(Query, OutputClause)
        indirect case stats(Expr, Query, OutputClause)
        indirect case report(Report, OutputClause)
        case letBinding(Located<String>, Expr)
        case echo([EchoPart])
        case assert(Expr, message: Argument?)
        indirect case print(Expr, OutputClause)
        /// Everything else: `include`, `set`, `help`, `save`, `undo`, ... whose arguments are
        /// simple words, strings and numbers.
        case simple(Arguments)
    }

    /// The parts, in one allocation that every copy shares. A command is made on the parser's
    /// thread, put in a batch, copied out of it on the runner's (and freed back on the
    /// parser's, see `BatchQueue`): as a
    /// struct of a few hundred bytes and a dozen references, each of those steps went through
    /// its value witnesses (~15 % of loading a big script, measured); as one reference, a copy
    /// is a retain.
    private final class Storage: Sendable {
        let spec: CommandSpec
        let body: Body
        let range: SourceRange
        let nameRange: SourceRange

        init(spec: CommandSpec, body: Body, range: SourceRange, nameRange: SourceRange) {
            self.spec = spec
            self.body = body
            self.range = range
            self.nameRange = nameRange
        }
    }

    private let storage: Storage

    public var spec: CommandSpec { storage.spec }
    public var body: Body { storage.body }
    /// The whole command, from its first word to its last token.
    public var range: SourceRange { storage.range }
    /// The command's name words (`unit add`).
    public var nameRange: SourceRange { storage.nameRange }

    public init(spec: CommandSpec, body: Body, range: SourceRange, nameRange: SourceRange) {
        storage = Storage(spec: spec, body: body, range: range, nameRange: nameRange)
    }

    public static func == (a: Command, b: Command) -> Bool {
        a.storage === b.storage
            || (a.spec == b.spec && a.body == b.body && a.range == b.range && a.nameRange == b.nameRange)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(spec)
        hasher.combine(body)
        hasher.combine(range)
        hasher.combine(nameRange)
    }
}
