/// The answer to a query or report: named columns and rows of values.
///
/// Renderers in `CTSOutput` turn it into text in each output format (`OutputFormat`).
/// `title` and `notes` are shown around the formats for people only; the formats for
/// programs carry just the columns and rows.
public struct ResultTable: Equatable, Sendable {
    public var title: String?
    public var columns: [String]
    public var rows: [[Value]]
    /// Lines printed under a human-readable table (e.g. "2 of 3 compliant").
    public var notes: [String]
    /// Columns whose values are numbers, aligned right in tables.
    public var numericColumns: Set<Int> {
        var result = Set<Int>()
        for c in columns.indices {
            var sawNumber = false
            var allNumbers = true
            for row in rows where c < row.count {
                switch row[c] {
                case .number: sawNumber = true
                case .null: break
                default: allNumbers = false
                }
            }
            if sawNumber && allNumbers { result.insert(c) }
        }
        return result
    }

    public init(title: String? = nil, columns: [String], rows: [[Value]] = [], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
