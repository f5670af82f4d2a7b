import CTSDomain

/// The text of a confirmation ("added cadre c1", "enrolled c1 in k1"), worked out only when
/// someone reads it.
///
/// A batch run prints no confirmations (only --echo, `set verbose on` and the prompt do), and
/// `undo` names a step by its confirmation only when the step is taken back: formatting every
/// one as it is made cost a script of a million lines a tenth of its time. A lazy confirmation
/// captures the ids it names, not slots, so its text stays right after the records change.
///
///     .confirmation(ConfirmationText { "added cadre \(id)" })
///     .confirmation("format is csv")   // ready-made text
public struct ConfirmationText: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The common confirmations of a big script are kept as their parts, not as a closure: a
    /// closure's context was a heap allocation (and a release when its undo step was dropped)
    /// for every `cadre add` and `enroll` line.
    private enum Storage: Sendable {
        case text(String)
        case make(@Sendable () -> String)
        /// "added cadre c1": a verb and a record's kind and id.
        case record(verb: StaticString, kind: EntityKind, id: String)
        /// "enrolled c1 in k1": one cadre's enrollment step.
        case enrollment(verb: StaticString, cadre: String, course: String)
    }

    private let storage: Storage

    /// A confirmation whose text `make` builds when it is read.
    public init(_ make: @escaping @Sendable () -> String) { storage = .make(make) }

    public init(text: String) { storage = .text(text) }
    public init(stringLiteral value: String) { self.init(text: value) }
    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(text: String(stringInterpolation: stringInterpolation))
    }

    /// "\(verb) \(kind) \(id)": `added cadre c1`, `set budget …`.
    init(_ verb: StaticString, _ kind: EntityKind, id: String) { storage = .record(verb: verb, kind: kind, id: id) }

    /// "\(verb) \(cadre) in \(course)": `enrolled c1 in k1`.
    init(_ verb: StaticString, cadre: String, in course: String) {
        storage = .enrollment(verb: verb, cadre: cadre, course: course)
    }

    /// The confirmation's text.
    public var text: String {
        switch storage {
        case .text(let text): text
        case .make(let make): make()
        case .record(let verb, let kind, let id): "\(verb) \(kind.singular) \(id)"
        case .enrollment(let verb, let cadre, let course): "\(verb) \(cadre) in \(course)"
        }
    }
    public var description: String { text }

    public static func == (a: ConfirmationText, b: ConfirmationText) -> Bool { a.text == b.text }
}
