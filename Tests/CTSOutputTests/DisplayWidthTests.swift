import CTSOutput
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0),
        ("Li Wei", 6),
        ("Peña", 4),
        ("Pen\u{303}a", 4),  // n + combining tilde
        ("张敏", 4),
        ("Zhang Min – 张敏", 16),  // the en dash is ambiguous width: 1
        ("한국어", 6),
        ("\u{1100}\u{1161}\u{11A8}", 2),  // conjoining jamo: one syllable
        ("ｱｲ", 2),  // halfwidth katakana
        ("ＡＢ", 4),  // fullwidth Latin
        ("🎉", 2),
        ("a🎉b", 4),
        ("👨‍👩‍👧", 2),  // zero-width-joiner sequence
        ("👍🏽", 2),  // skin tone modifier
        ("🇨🇳", 2),  // flag
        ("❤", 1),
        ("❤️", 2),  // variation selector 16 asks for emoji presentation
        ("1️⃣", 2),  // keycap
        ("a\u{200D}b", 2),  // zero width joiner
        ("a\u{200B}b", 2),  // zero width space
        ("x\u{FE0E}", 1),
        ("\u{1B}[31m", 4),  // ESC itself has no width
        ("\t\n\u{7F}\u{85}", 0),
    ])
    func width(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text.debugDescription)")
    }
}
