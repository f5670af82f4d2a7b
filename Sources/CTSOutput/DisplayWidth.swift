/// How many terminal columns a string occupies.
///
/// Widths follow the common terminal convention (wcwidth): East Asian Wide and Fullwidth
/// characters and emoji take 2 columns; combining marks, format characters (zero-width
/// joiner, soft joiners, bidi marks), variation selectors and Hangul medial/final jamo take 0;
/// control characters take 0 (renderers escape them before measuring); everything else takes 1.
/// Widths are summed per grapheme cluster, and a cluster is as wide as its widest scalar, so
/// `e` + U+0301 is 1, a zero-width-joiner family or a flag is 2, and an emoji-presentation
/// selector (U+FE0F) makes its cluster 2.
///
///     DisplayWidth.of("Li Wei")   // 6
///     DisplayWidth.of("张敏")      // 4
///     DisplayWidth.of("🎉")        // 2
public enum DisplayWidth {
    /// The number of terminal columns `s` occupies.
    public static func of(_ s: String) -> Int {
        var asciiOnly = true
        var width = 0
        for byte in s.utf8 {
            if byte >= 0x80 { asciiOnly = false; break }
            if byte >= 0x20 && byte < 0x7F { width += 1 }
        }
        if asciiOnly { return width }
        return s.reduce(0) { $0 + of($1) }
    }

    /// The number of terminal columns one grapheme cluster occupies (0, 1 or 2).
    public static func of(_ c: Character) -> Int {
        var width = 0
        var regionalIndicators = 0
        var emojiPresentation = false
        for scalar in c.unicodeScalars {
            width = max(width, of(scalar))
            switch scalar.value {
            case 0x1F1E6...0x1F1FF: regionalIndicators += 1
            case 0xFE0F: emojiPresentation = true
            default: break
            }
        }
        if width > 0 && (emojiPresentation || regionalIndicators >= 2) { return 2 }
        return width
    }

    /// The width of a single scalar, outside any cluster: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }  // DEL and C1 controls
        if v == 0xAD { return 1 }  // soft hyphen: terminals show it
        if isZeroWidth(scalar) { return 0 }
        if v < 0x1100 { return 1 }
        if contains(wideRanges, v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true  // Hangul medial vowels, final consonants
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// Binary search in a sorted flat list of inclusive `[low, high]` pairs.
    static func contains(_ ranges: [UInt32], _ v: UInt32) -> Bool {
        var lo = 0
        var hi = ranges.count / 2 - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < ranges[2 * mid] {
                hi = mid - 1
            } else if v > ranges[2 * mid + 1] {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) code points as inclusive pairs, from Unicode 14
    /// EastAsianWidth.txt, plus the blocks the standard reserves as wide when unassigned
    /// (CJK ideographs, planes 2 and 3) and the emoji blocks U+1F90C–1F9FF, U+1FA70–1FAFF.
    /// Emoji added later are caught by `isEmojiPresentation` from the Swift runtime.
    static let wideRanges: [UInt32] = [
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0,
        0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F,
        0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5,
        0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
        0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728,
        0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x2FFB, 0x3000, 0x303E,
        0x3041, 0x3096, 0x3099, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E3,
        0x31F0, 0x321E, 0x3220, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA48C, 0xA490, 0xA4C6,
        0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE52,
        0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4,
        0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18D00, 0x18D08, 0x1AFF0, 0x1AFF3,
        0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B150, 0x1B152, 0x1B164, 0x1B167,
        0x1B170, 0x1B2FB, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A,
        0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265,
        0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
        0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
        0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A,
        0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC,
        0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DD, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC,
        0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD,
        0x30000, 0x3FFFD,
    ]
}
