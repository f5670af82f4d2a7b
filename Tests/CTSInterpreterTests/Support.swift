import CTSDomain
@testable import CTSInterpreter
import CTSLanguage
import CTSTestSupport
import Foundation
import Testing

/// Runs cts text through the parser and the interpreter, as a script would.
final class Harness {
    let files = SourceFiles()
    let interpreter: Interpreter
    private var counter = 0

    /// A fresh interpreter whose system date is `today` (so nothing depends on the clock).
    init(today: Day = Day(year: 2011, month: 1, day: 15)!) {
        interpreter = Interpreter(files: files, systemToday: today)
    }

    /// A harness that has run the spec's workshop script (§7) without its queries and reports.
    static func workshop() -> Harness {
        let h = Harness()
        h.run(Workshop.setup)
        return h
    }

    var session: Session { interpreter.session }

    /// What running a text produced: the effects of the commands that ran, and the first
    /// error (parse or run), after which nothing more runs.
    struct Outcome {
        var effects: [Effect] = []
        var error: Diagnostic?
    }

    func execute(_ text: String) -> Outcome {
        counter += 1
        let id = files.add(name: "t\(counter).cts", text: text)
        var outcome = Outcome()
        for item in Parser.parse(text, fileID: id) {
            switch item {
            case .command(let c):
                do {
                    outcome.effects += try interpreter.execute(c)
                } catch let d as Diagnostic {
                    outcome.error = d
                    return outcome
                } catch {
                    outcome.error = .error(
                        Unclassified("unexpected \(type(of: error)): \(error)", phase: .running), at: nil)
                    return outcome
                }
            case .error(let d):
                outcome.error = d
                return outcome
            }
        }
        return outcome
    }

    /// Runs text that must succeed; an error is recorded as a test failure.
    @discardableResult
    func run(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Effect] {
        let outcome = execute(text)
        if let e = outcome.error {
            Issue.record("unexpected error: \(describe(e))", sourceLocation: sourceLocation)
        }
        return outcome.effects
    }

    /// Runs text that must fail; returns the error (nil, recorded as a failure, when none).
    func failure(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let outcome = execute(text)
        if outcome.error == nil { Issue.record("expected an error from: \(text)", sourceLocation: sourceLocation) }
        return outcome.error
    }

    /// The result table of one query or report.
    func table(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ResultTable? {
        let effects = run(text, sourceLocation: sourceLocation)
        for case .table(let t, _, _) in effects { return t }
        Issue.record("no table from: \(text)", sourceLocation: sourceLocation)
        return nil
    }

    /// The rows of one query, or [] (recorded as a failure) when it fails.
    func rows(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [[Value]] {
        table(text, sourceLocation: sourceLocation)?.rows ?? []
    }

    /// The first column of a list, as plain text (`list cadres where ... columns id`).
    func ids(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        rows(text, sourceLocation: sourceLocation).map { $0.first?.description ?? "?" }
    }

    /// The value of an expression, evaluated by `print EXPR as csv`.
    func value(_ expression: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Value? {
        table("print \(expression) as csv", sourceLocation: sourceLocation)?.rows.first?.first
    }

    /// How many records of a collection a condition selects.
    func count(
        _ collection: String, where condition: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Double? {
        rows("count \(collection) where \(condition)", sourceLocation: sourceLocation).first?.first?.number?.double
    }

    /// The source text a diagnostic's range covers.
    func text(at range: SourceRange?) -> String? {
        guard let range else { return nil }
        let bytes = Array(files[range.fileID].text.utf8)
        return String(decoding: bytes[range.start.utf8Offset..<range.end.utf8Offset], as: UTF8.self)
    }

    func describe(_ d: Diagnostic) -> String {
        "\(d.range.map { "\($0.start.line):\($0.start.column): " } ?? "")\(d.message) [at '\(text(at: d.range) ?? "")']"
    }

    /// Everything the session holds, slot by slot, for before/after comparisons.
    func snapshot() -> String {
        let s = session
        var out = ""
        for kind in EntityKind.allCases {
            out += "\(kind) next=\(s.nextSlot(kind)):"
            for slot in 0..<s.nextSlot(kind) {
                guard let r = s.record(kind, slot) else { out += " [\(slot) empty]"; continue }
                out += " [\(slot) \(r)]"
            }
            out += "\n"
        }
        // Reverse indexes, per live-or-empty slot of their owner kind (lists past the last slot
        // may linger empty after an undo; their order inside a list is not meaningful).
        for (name, lists, owner) in [
            ("cadresByUnit", s.cadresByUnit, EntityKind.unit), ("childUnits", s.childUnits, .unit),
            ("enrollmentsByCadre", s.enrollmentsByCadre, .cadre),
            ("enrollmentsByCourse", s.enrollmentsByCourse, .course),
        ] {
            let live = (0..<s.nextSlot(owner)).map { $0 < lists.count ? lists[$0].sorted().description : "[]" }
            let beyond = lists.dropFirst(s.nextSlot(owner)).filter { !$0.isEmpty }
            out += name + ": " + live.joined(separator: " ") + (beyond.isEmpty ? "" : " stale: \(beyond)") + "\n"
        }
        for kind in EntityKind.allCases where kind.hasID {
            let ids = (s.ids(kind).map(Array.init) ?? []).sorted()
            out += "\(kind) ids: " + ids.map { "\($0)=\(s.slot(kind, id: $0)!)" }.joined(separator: " ") + "\n"
        }
        return out
    }
}

/// The values of an ordered enum, for building expected rows.
func rank(_ r: Rank) -> Value { .enumeration(r.enumValue) }
func severity(_ s: Severity) -> Value { .enumeration(s.enumValue) }
func unitRef(_ id: String) -> Value { .ref(.unit, id) }

extension Diagnostic {
    /// Whether this is the domain rule `kind` (whatever field it names).
    func `is`(_ kind: DomainError.Kind) -> Bool {
        (problem as? DomainError)?.kind == kind
    }
}

/// A date from its parts; traps on an impossible date.
func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }
