import CTSDomain
import CTSInterpreter
import CTSLanguage

extension Analyzer {
    // MARK: - Queries

    /// query := COLLECTION clause* outputClause   (Parser.parseQuery); stats has EXPR "of" first.
    func query(_ spec: CommandSpec, from start: Int) -> Expectation {
        var i = start
        if spec.form == .stats {
            let head = ExpressionScanner(view, from: i, .init(scope: .all, condition: false, ofEnds: true))
            switch head.run() {
            case .end(let e, _): return e
            case .boundary(let b):
                guard view.isWord(b, Grammar.ofKeyword) else { return .none }
                i = b + 1
            case .invalid: return .none
            }
        }
        if i >= n { return .words(Expectation.collections) }
        guard view.isWord(i), let kind = EntityKind(plural: view.lower(i)) else { return .none }
        i += 1
        let clauses = Grammar.queryClauses(spec.form)
        var used = Set<String>()
        func follow() -> [String] { clauses.filter { !used.contains($0) } + [Grammar.outputKeyword] }
        while i < n {
            let word = view.isWord(i) ? view.lower(i) : ""
            guard clauses.contains(word), !used.contains(word) else { return output(from: i) }
            used.insert(word)
            i += 1
            if word == "limit" {
                if i >= n { return .none }
                i += 1
                continue
            }
            let scanner = ExpressionScanner(
                view, from: i,
                .init(
                    scope: .kind(kind), condition: word == Grammar.whereKeyword,
                    commaList: word == "sort" || word == "columns",
                    postfix: word == "sort" ? Grammar.sortDirections : []))
            switch scanner.run() {
            case .end(var e, let operandEnd):
                if operandEnd { e.add(follow()) }
                return e
            case .boundary(let b): i = b
            case .invalid: return .none
            }
        }
        return .words(follow())
    }

    /// outputClause := ("as" FORMAT)? ((">" | ">>") FILE)?
    private func output(from start: Int) -> Expectation {
        var i = start
        if view.isWord(i, Grammar.outputKeyword) {
            if i + 1 >= n { return .words(Settings.formats) }
            i += 2
        }
        if view.isSymbol(i, ">") || view.isSymbol(i, ">>") {
            return i + 1 >= n ? .files : .none
        }
        return .none
    }

    /// `print EXPR`, `assert COND`, `let NAME = EXPR`.
    func expressionCommand(from i: Int, condition: Bool, output offersOutput: Bool) -> Expectation {
        let scanner = ExpressionScanner(view, from: i, .init(scope: nil, condition: condition, offerOf: true))
        switch scanner.run() {
        case .end(var e, let operandEnd):
            if offersOutput && operandEnd { e.add([Grammar.outputKeyword]) }
            return e
        case .boundary(let b): return offersOutput ? output(from: b) : .none
        case .invalid: return .none
        }
    }

    /// A condition over records of `kind` that runs to the end of the tokens (inside an open `(`).
    func condition(from i: Int, over kind: EntityKind) -> Expectation {
        let scanner = ExpressionScanner(view, from: i, .init(scope: .kind(kind), condition: true))
        if case .end(let e, _) = scanner.run() { return e }
        return .none
    }

    // MARK: - Reports

    /// report := "report" KIND atom* ("by" WORD | "under" atom)* outputClause   (Parser.parseReport)
    func report(_ spec: CommandSpec, from start: Int) -> Expectation {
        var i = start
        if i >= n { return spec.positionals.first.map { .values(of: $0.kind) } ?? .none }
        guard view.isWord(i), let kind = ReportKind(rawValue: view.lower(i)) else { return .none }
        i += 1
        var arguments = 0, usedBy = false, usedUnder = false
        while i < n {
            if view.isWord(i, "by") && !kind.groupings.isEmpty && !usedBy {
                if i + 1 >= n { return .words(kind.groupings) }
                usedBy = true
                i += 2
            } else if view.isWord(i, "under") && kind.takesUnder && !usedUnder {
                if i + 1 >= n { return .ids(.unit) }
                usedUnder = true
                i += 2
            } else if view.isWord(i, Grammar.outputKeyword) || view.isSymbol(i, ">") || view.isSymbol(i, ">>") {
                return output(from: i)
            } else {
                arguments += 1
                i += 1
            }
        }
        var e = Expectation()
        if arguments < kind.arguments.count {
            let slot = kind.arguments[arguments]
            e = .values(of: slot.kind)
            if !slot.optional { return e }
        }
        if !kind.groupings.isEmpty && !usedBy { e.add(["by"]) }
        if kind.takesUnder && !usedUnder { e.add(["under"]) }
        e.add([Grammar.outputKeyword])
        return e
    }
}
