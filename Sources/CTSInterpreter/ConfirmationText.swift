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
    private let make: @Sendable () -> String

    /// A confirmation whose text `make` builds when it is read.
    public init(_ make: @escaping @Sendable () -> String) { self.make = make }

    public init(text: String) { make = { text } }
    public init(stringLiteral value: String) { self.init(text: value) }
    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(text: String(stringInterpolation: stringInterpolation))
    }

    /// The confirmation's text.
    public var text: String { make() }
    public var description: String { text }

    public static func == (a: ConfirmationText, b: ConfirmationText) -> Bool { a.text == b.text }
}
