import CTSDomain
import CTSLanguage

/// Reads the tokens of an expression up to the cursor, following the parser's grammar
/// (Parser+Expression.swift), and says what may come next: an operand (fields, functions,
/// the values of the field on the left of a comparison, rule ids inside `hours(`), or what
/// follows an operand (`and`, `or`, `in`, ...). It stops at the first token after a complete
/// operand that the expression cannot take (`sort`, `by`, `as`), so the caller can go on.
struct ExpressionScanner {
    struct Options {
        /// Whose fields the words name; nil where there is no record (`print`, `let`, `assert`).
        var scope: FieldScope?
        /// Whether the expression is a condition (offer `not`, `and`, `or`, `in`, ...).
        var condition: Bool
        /// Offer `of` after an operand (`print hours(2009) of cadre c1`).
        var offerOf = false
        /// `of` ends the expression (`stats EXPR of COLLECTION`).
        var ofEnds = false
        /// Top-level commas separate expressions (`columns a, b`, `sort a desc, b`).
        var commaList = false
        /// Words that may follow a complete top-level expression (`desc`, `asc`).
        var postfix: [String] = []
    }

    enum Result: Equatable {
        /// The cursor is inside the expression; `operandEnd` when a complete expression
        /// stands before it at the top level (so the caller's next words may follow too).
        case end(Expectation, operandEnd: Bool)
        /// The expression ended before the token at this index.
        case boundary(Int)
        /// The tokens cannot be an expression.
        case invalid
    }

    private enum Pending: Equatable { case none, compare, under, contains }

    private enum Of: Equatable { case none, afterOf, entity(EntityKind) }

    private enum Phase: Equatable { case expression, collection, afterCollection(EntityKind), condition(EntityKind) }

    private enum FrameKind: Equatable {
        case group
        case call(String)
        /// `FIELD in (` ... : the field on the left, when it is one word.
        case list(left: String?)
        case aggregate(AggregateFunction, Phase)
    }

    /// Where the reading stands within one comparison.
    private struct State: Equatable {
        var expectOperand = true
        var pending = Pending.none
        /// The left side of the pending comparison, when it is one word (a field path).
        var left: String?
        /// The operand just read, when it is one word.
        var current: String?
        /// The current side has `+ - * /`, so it is no longer a plain field.
        var arithmetic = false
        var comparisonDone = false
        var postfixDone = false
        var afterIn = false
        var of = Of.none
        /// An `and` or `or` was read (so a group around it is a condition, not a value).
        var logical = false

        /// Nothing of the current operand has been read.
        var fresh: Bool { expectOperand && pending == .none && !arithmetic }
    }

    private struct Frame {
        var kind: FrameKind
        var scope: FieldScope?
        var condition: Bool
        var argument = 0
        /// The state around the parentheses, restored when they close.
        var saved: State
    }

    let view: TokenView
    let start: Int
    let options: Options

    init(_ view: TokenView, from start: Int, _ options: Options) {
        self.view = view
        self.start = start
        self.options = options
    }

    static let comparisons: Set<String> = ["=", "!=", "<", "<=", ">", ">="]
    static let arithmetic: Set<String> = ["+", "-", "*", "/"]

    func run() -> Result {
        let v = view
        var st = State()
        var frames: [Frame] = []
        var j = start

        func push(_ kind: FrameKind, scope: FieldScope?, condition: Bool) {
            frames.append(Frame(kind: kind, scope: scope, condition: condition, saved: st))
            st = State()
        }
        func operandDone(_ word: String?) {
            st.expectOperand = false
            if st.pending != .none { st.comparisonDone = true }
            st.current = st.arithmetic ? nil : word
        }
        func pop() {
            let frame = frames.removeLast()
            let inner = st
            st = frame.saved
            operandDone(nil)
            switch frame.kind {
            case .list: st.comparisonDone = true
            case .group: if inner.comparisonDone || inner.logical { st.comparisonDone = true }
            case .call, .aggregate: break
            }
        }
        var scope: FieldScope? { frames.last.map(\.scope) ?? options.scope }

        while j < v.count {
            let token = v.tokens[j]
            switch st.of {
            case .afterOf:
                guard v.isWord(j), let kind = EntityKind(singular: v.lower(j)), kind.hasID else { return .invalid }
                st.of = .entity(kind)
                j += 1
                continue
            case .entity:
                st.of = .none
                operandDone(nil)
                j += 1
                continue
            case .none:
                break
            }
            if st.afterIn {
                guard v.isSymbol(j, "(") else { return .invalid }
                let left = st.left
                st.afterIn = false
                push(.list(left: left), scope: scope, condition: false)
                j += 1
                continue
            }
            if let top = frames.last, case .aggregate(let function, let phase) = top.kind {
                switch phase {
                case .collection:
                    guard v.isWord(j), let kind = EntityKind(plural: v.lower(j)) else { return .invalid }
                    frames[frames.count - 1].kind = .aggregate(function, .afterCollection(kind))
                    st.expectOperand = false
                    j += 1
                    continue
                case .afterCollection(let kind):
                    if v.isWord(j, Grammar.whereKeyword) {
                        frames[frames.count - 1].kind = .aggregate(function, .condition(kind))
                        frames[frames.count - 1].scope = .kind(kind)
                        frames[frames.count - 1].condition = true
                        st = State()
                        j += 1
                        continue
                    }
                    guard v.isSymbol(j, ")") else { return .invalid }
                    pop()
                    j += 1
                    continue
                case .expression, .condition:
                    break
                }
            }

            if st.expectOperand {
                switch token.kind {
                case .word:
                    let word = v.lower(j)
                    if word == Grammar.notKeyword {
                        j += 1
                        continue
                    }
                    if v.isSymbol(j + 1, "(") {
                        if let function = AggregateFunction(rawValue: word) {
                            push(
                                .aggregate(function, function == .count ? .collection : .expression), scope: nil,
                                condition: false)
                        } else {
                            push(.call(word), scope: scope, condition: false)
                        }
                        j += 2
                        continue
                    }
                    operandDone(v.text(j))
                case .number, .string, .date, .period, .variable:
                    operandDone(nil)
                case .symbol("("):
                    push(.group, scope: scope, condition: frames.last?.condition ?? options.condition)
                case .symbol("-"):
                    break
                case .symbol(")"):
                    // `f()`: a call without arguments.
                    guard let top = frames.last, case .call = top.kind, st.fresh, top.argument == 0 else {
                        return .invalid
                    }
                    pop()
                default:
                    return .invalid
                }
                j += 1
                continue
            }

            // After an operand.
            switch token.kind {
            case .word:
                let word = v.lower(j)
                if Grammar.logicalOperators.contains(word) {
                    st = State()
                    st.logical = true
                } else if word == "in" && !st.comparisonDone {
                    st.afterIn = true
                    st.left = st.arithmetic ? nil : st.current
                } else if (word == "contains" || word == "under") && !st.comparisonDone {
                    st.pending = word == "under" ? .under : .contains
                    st.left = st.arithmetic ? nil : st.current
                    st.arithmetic = false
                    st.expectOperand = true
                } else if word == Grammar.ofKeyword {
                    if let top = frames.last, case .aggregate(let function, .expression) = top.kind {
                        frames[frames.count - 1].kind = .aggregate(function, .collection)
                    } else if frames.isEmpty && options.ofEnds {
                        return .boundary(j)
                    } else {
                        st.of = .afterOf
                    }
                } else if frames.isEmpty && options.postfix.contains(word) && !st.postfixDone {
                    st.postfixDone = true
                } else {
                    return frames.isEmpty ? .boundary(j) : .invalid
                }
            case .symbol(let s) where Self.comparisons.contains(s) && !st.comparisonDone:
                st.pending = .compare
                st.left = st.arithmetic ? nil : st.current
                st.arithmetic = false
                st.expectOperand = true
            case .symbol(let s) where Self.arithmetic.contains(s):
                st.arithmetic = true
                st.expectOperand = true
            case .symbol(")"):
                if frames.isEmpty { return .boundary(j) }
                pop()
            case .symbol(","):
                if let top = frames.last {
                    switch top.kind {
                    case .call, .list:
                        frames[frames.count - 1].argument += 1
                        st = State()
                    case .group, .aggregate:
                        return .invalid
                    }
                } else if options.commaList {
                    st = State()
                } else {
                    return .boundary(j)
                }
            default:
                return frames.isEmpty ? .boundary(j) : .invalid
            }
            j += 1
        }
        let operandEnd = frames.isEmpty && !st.expectOperand && st.of == .none && !st.afterIn
        return .end(expectation(st, frames), operandEnd: operandEnd)
    }

    /// What may come at the end of the tokens read.
    private func expectation(_ st: State, _ frames: [Frame]) -> Expectation {
        let top = frames.last
        let scope = top.map(\.scope) ?? options.scope
        let condition = top?.condition ?? options.condition

        switch st.of {
        case .afterOf: return .words(EntityKind.allCases.filter(\.hasID).map(\.singular))
        case .entity(let kind): return .ids(kind)
        case .none: break
        }
        if st.afterIn { return Expectation(words: [Word("(", appendSpace: false)]) }
        if let top, case .aggregate(_, let phase) = top.kind {
            if phase == .collection { return .words(Expectation.collections) }
            if case .afterCollection = phase { return .words([Grammar.whereKeyword]) }
        }

        if st.expectOperand {
            if let top, case .list(let left) = top.kind, st.fresh {
                return values(of: left, scope) ?? operands(scope, condition: false)
            }
            switch st.pending {
            case .under: return .ids(.unit)
            case .contains: return .none
            case .compare:
                if !st.arithmetic, let values = values(of: st.left, scope) { return values }
            case .none:
                if let top, case .call(let name) = top.kind, top.argument == 0, st.fresh,
                    Expectation.ruleFunctions.contains(name)
                {
                    return .ids(.rule)
                }
            }
            return operands(scope, condition: condition)
        }

        var e = Expectation()
        if let top {
            switch top.kind {
            case .group: if condition { e.add(operators(st)) }
            case .aggregate(_, .expression): e.add([Grammar.ofKeyword])
            case .aggregate(_, .condition): e.add(operators(st))
            case .aggregate, .call, .list: break
            }
        } else {
            if options.condition { e.add(operators(st)) }
            if !options.postfix.isEmpty && !st.postfixDone { e.add(options.postfix) }
            if options.offerOf || options.ofEnds { e.add([Grammar.ofKeyword]) }
        }
        return e
    }

    /// `and`, `or`, and the word operators while the comparison is still open.
    private func operators(_ st: State) -> [String] {
        Grammar.logicalOperators + (st.comparisonDone ? [] : Grammar.wordOperators)
    }

    /// Fields in scope, functions, and `not` in conditions.
    private func operands(_ scope: FieldScope?, condition: Bool) -> Expectation {
        var e = Expectation()
        e.fields = scope
        e.words = Expectation.functions(in: scope)
        if condition { e.add([Grammar.notKeyword]) }
        return e
    }

    /// The values the field (path) on the left of a comparison takes.
    private func values(of left: String?, _ scope: FieldScope?) -> Expectation? {
        guard let left, case .kind(let kind)? = scope, let field = Expectation.field(left, in: kind) else { return nil }
        return Expectation.values(of: field)
    }
}
