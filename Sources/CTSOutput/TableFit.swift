/// Fitting an aligned table into a given number of columns (the terminal's width), for
/// ``TableRenderer``.
///
/// The widest text columns give up room first: every text (non-numeric) column wider than
/// a cap is cut to it, the cap as high as the width allows, so narrow columns and numbers
/// keep their exact text. When even a cap of ``minimumColumn`` is too wide, the table does not
/// fit and is shown as records instead (``VerticalView``).
///
///     TableFit.widths([2, 40, 5], numeric: [2], into: 30)   // [2, 17, 5]: " id | name… | hours"
///     TableFit.cut("Zhang Min – 张敏", to: 12)              // "Zhang Min –…"
enum TableFit {
    /// The narrowest a text column is cut to; a table that needs narrower ones is shown as
    /// records (a column of 5 characters shows too little of anything).
    static let minimumColumn = 6

    /// The columns a line of cells of `widths` takes: ` a | b ` is each width plus three, less
    /// the last trailing blank (what the dashed separator takes).
    static func lineWidth(_ widths: [Int]) -> Int {
        widths.isEmpty ? 0 : widths.reduce(0, +) + 3 * widths.count - 1
    }

    /// The column widths that fit `available` columns: `widths` itself when it already fits,
    /// the text columns cut as little as possible when it does not, nil when it cannot.
    static func widths(_ widths: [Int], numeric: Set<Int>, into available: Int) -> [Int]? {
        if lineWidth(widths) <= available { return widths }
        func capped(_ cap: Int) -> [Int] {
            widths.enumerated().map { c, w in numeric.contains(c) ? w : min(w, cap) }
        }
        guard lineWidth(capped(minimumColumn)) <= available else { return nil }
        // The highest cap that fits: lineWidth(capped(cap)) grows with cap.
        var low = minimumColumn
        var high = widths.max() ?? minimumColumn
        while low < high {
            let mid = (low + high + 1) / 2
            if lineWidth(capped(mid)) <= available { low = mid } else { high = mid - 1 }
        }
        // The columns left over go one each to the cut columns, from the left (fewer are left
        // than columns were cut, or the next cap would have fitted).
        var result = capped(low)
        var spare = available - lineWidth(result)
        for c in result.indices where spare > 0 && result[c] < widths[c] {
            result[c] += 1
            spare -= 1
        }
        return result
    }

    /// `text` cut to at most `width` display columns, ending in `…` when anything was cut.
    /// Whole grapheme clusters only: a wide character that would cross the edge is left out.
    static func cut(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 0 else { return "" }
        var kept = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            kept.append(character)
            used += w
        }
        return kept + "…"
    }
}

/// A table as records, one field per line, like psql's expanded mode (`\x`): what a result
/// with too many columns for the screen is shown as.
///
///     -[ RECORD 1 ]-----------
///     id   | c1
///     name | Li Wei
///     -[ RECORD 2 ]-----------
///     id   | c3
///     name | Zhang Min – 张敏
enum VerticalView {
    /// The lines of the records of `header` (escaped names) and `body` (escaped cells),
    /// fitted into `available` columns: long names and values are cut with `…`.
    static func lines(header: [String], body: [[String]], available: Int, bold: String?) -> [String] {
        let longestName = header.map(DisplayWidth.of).max() ?? 0
        let nameWidth = min(longestName, max(TableFit.minimumColumn, available / 2))
        let valueRoom = max(TableFit.minimumColumn, available - nameWidth - 3)
        let names = header.map { TableFit.cut($0, to: nameWidth) }
        let widest = body.lazy.flatMap { $0 }.map(DisplayWidth.of).max() ?? 0
        let valueWidth = min(widest, valueRoom)
        var lines: [String] = []
        lines.reserveCapacity(body.count * (header.count + 1))
        for (r, row) in body.enumerated() {
            lines.append(recordLine(r + 1, nameWidth: nameWidth, valueWidth: valueWidth))
            for (c, cell) in row.enumerated() {
                let name = names[c]
                let fill = String(repeating: " ", count: nameWidth - DisplayWidth.of(name))
                let shown = bold.map { $0 + name + ANSI.reset } ?? name
                let value = TableFit.cut(cell, to: valueRoom)
                lines.append(shown + fill + " |" + (value.isEmpty ? "" : " " + value))
            }
        }
        return lines
    }

    /// `-[ RECORD 3 ]-+------`: the `+` above the bars when the label leaves room for it.
    static func recordLine(_ number: Int, nameWidth: Int, valueWidth: Int) -> String {
        let label = "-[ RECORD \(number) ]"
        let total = nameWidth + 3 + valueWidth
        guard label.count <= nameWidth + 1 else {
            return label + String(repeating: "-", count: max(0, total - label.count))
        }
        return label + String(repeating: "-", count: nameWidth + 1 - label.count) + "+"
            + String(repeating: "-", count: max(0, total - nameWidth - 2))
    }
}
