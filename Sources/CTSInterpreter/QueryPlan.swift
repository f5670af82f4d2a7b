import CTSDomain

/// How a query finds its rows without testing every record: the cadres of the units a
/// condition is confined to (its ``CadreScope``), and the first rows of a sorted list without
/// sorting them all.
///
/// Each shortcut gives exactly what the plain way would: a scope only narrows the records the
/// whole condition is then tested on, and they are tested in slot order, as a scan would.
enum QueryPlan {
    /// The slots of the cadres in a scope, in slot order.
    ///
    /// The units are read from the unit tree as it is now (`childUnits`), so units added,
    /// moved or removed since the condition was bound are followed.
    static func cadres(in scope: CadreScope, of session: Session) -> [Int] {
        let byUnit = session.cadresByUnit
        let units = units(in: scope, of: session).filter { $0 < byUnit.count }
        let total = units.reduce(0) { $0 + byUnit[$1].count }
        var result: [Int] = []
        result.reserveCapacity(total)
        // The reverse index keeps no order within a unit, and units interleave. A few cadres
        // are sorted; many (a city's, out of a province's) are marked in a bit per cadre slot
        // and read back in order: a pass over slots / 64 words instead of a sort.
        let words = (session.nextSlot(.cadre) + 63) / 64
        guard total * 8 >= words else {
            for unit in units { result.append(contentsOf: byUnit[unit].lazy.map(Int.init)) }
            result.sort()
            return result
        }
        var marked = [UInt64](repeating: 0, count: words)
        for unit in units {
            for cadre in byUnit[unit] { marked[Int(cadre) >> 6] |= 1 << UInt64(cadre & 63) }
        }
        for (w, word) in marked.enumerated() {
            var rest = word
            while rest != 0 {
                result.append(w << 6 | rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return result
    }

    /// The units of a scope: one, or a unit and every unit below it.
    static func units(in scope: CadreScope, of session: Session) -> [Int] {
        switch scope {
        case .unit(let unit):
            return session.holds(.unit, unit) ? [unit] : []
        case .under(let top):
            guard session.holds(.unit, top) else { return [] }
            let children = session.childUnits
            // Marks units already taken, so even a damaged tree cannot loop.
            var seen = Set([top])
            var result = [top]
            var next = 0
            while next < result.count {
                let unit = result[next]
                next += 1
                guard unit < children.count else { continue }
                for child in children[unit] where seen.insert(Int(child)).inserted { result.append(Int(child)) }
            }
            return result
        }
    }

    /// The first `limit` of `rows` in the order `precedes` gives: what sorting them all and
    /// taking a prefix gives, when `precedes` is a strict total order (ties broken by slot).
    ///
    /// A short limit keeps only the best rows seen so far, in order, so twenty rows out of a
    /// million take a million comparisons with the twentieth, not a sort.
    static func first<Row>(_ limit: Int, of rows: [Row], by precedes: (Row, Row) -> Bool) -> [Row] {
        guard limit < rows.count / 8 else { return Array(rows.sorted(by: precedes).prefix(max(0, limit))) }
        guard limit > 0 else { return [] }
        var best: [Row] = []
        best.reserveCapacity(limit + 1)
        for row in rows {
            if best.count == limit {
                guard precedes(row, best[limit - 1]) else { continue }
                best.removeLast()
            }
            // Binary search for the first kept row that `row` precedes.
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(row, best[mid]) { high = mid } else { low = mid + 1 }
            }
            best.insert(row, at: low)
        }
        return best
    }
}
