/// The ANSI SGR sequences the renderers use when `colorize` is true.
enum ANSI {
    static let bold = "\u{1B}[1m"
    static let boldRed = "\u{1B}[1;31m"
    static let boldYellow = "\u{1B}[1;33m"
    static let green = "\u{1B}[32m"
    static let reset = "\u{1B}[0m"

    /// `text` wrapped in `style` … reset, or `text` unchanged when `on` is false.
    static func styled(_ text: String, _ style: String, _ on: Bool) -> String {
        on ? style + text + reset : text
    }
}
