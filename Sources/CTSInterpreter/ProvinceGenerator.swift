import CTSDomain

/// A synthetic province as cts commands: what `generate province cadres=N [seed=S]` runs and
/// what `--demo` opens. The same size and seed give the same commands on every machine and
/// every run (``SplitMix64``, no system randomness, no floating-point text), so the same
/// dump; the commands are only the core ones of spec §3, so the province is as valid as any
/// script.
///
/// A province holds units on three levels (four from 20,000 cadres: townships), each locality
/// with its organization department, party school and departments, and at the top an academy
/// of governance; cadres with Chinese names (a few in pinyin, some with tone marks); courses
/// of every kind from 2008 to 2012 with about 5 enrollments per cadre, most completed; the rules
/// of the regulations (`lead5y`: 550 hours in 5 years for leading cadres at county level and
/// above, counting off-job, rotation and short-term courses; `y2012`: 12 days in 2012),
/// exemptions, budgets with fiscal revenue for 2008–2012 (some localities' funds lag behind
/// their revenue), plans for 2012, inspections with open, overdue and resolved findings, and
/// good practices. Each locality has a diligence of its own that sets how much its cadres
/// train and how many findings it resolves, so reports by unit differ.
///
///     ProvinceGenerator(cadres: 2_000, seed: 2013).generate { chunk in run(chunk) }
public struct ProvinceGenerator: Sendable {
    public let cadres: Int
    public let seed: UInt64

    /// The day the province is seen from: after its training years, so that reports read as the
    /// review of 2008–2012 and some findings are overdue.
    public static let today = Day(year: 2013, month: 3, day: 31)!
    static let years = 2008...2012

    /// The most cadres `generate province` makes (about 5 million enrollments).
    public static let maxCadres = 2_000_000

    /// The demo province of `--demo` and `help demo`: 2,000 cadres, three cities of two counties.
    public static let demo = ProvinceGenerator(cadres: 2_000, seed: 2013)

    /// The command that makes this province.
    public var command: String { "generate province cadres=\(cadres) seed=\(seed)" }

    /// How the province's size follows from its cadres.
    public struct Shape: Equatable, Sendable {
        public let cities: Int
        public let countiesPerCity: Int
        public let townshipsPerCounty: Int
        public let courses: Int

        /// How many units the province has: a locality with its organization department,
        /// party school and departments (5 in the province and a city, 3 in a county), the
        /// academy; a township with its office, government and service center.
        public var units: Int {
            let counties = cities * countiesPerCity
            return 9 + cities * 8 + counties * 6 + counties * townshipsPerCounty * 4
        }
    }

    public var shape: Shape {
        let cities = min(max(cadres / 12_500, 3), Self.cities.count)
        let counties = min(max(cadres / (cities * 1_500), 2), 12)
        let townships = min(max(cadres / (cities * counties * 300) - 1, 0), 20)
        return Shape(
            cities: cities, countiesPerCity: counties, townshipsPerCounty: townships, courses: max(40, cadres / 20))
    }

    public init(cadres: Int, seed: UInt64 = 1) {
        precondition(cadres > 0, "a province needs cadres")
        self.cadres = cadres
        self.seed = seed
    }

    /// Hands the province's commands to `emit`, a few thousand lines at a time, in order, each
    /// time with how much of the work is done (0 to 1).
    public func generate(_ emit: (_ commands: String, _ done: Double) throws -> Void) throws {
        var build = ProvinceBuild(self)
        try build.run(emit)
    }

    /// The whole province as one script (for tests and small sizes).
    public func script() -> String {
        var text = ""
        try? generate { commands, _ in text += commands }
        return text
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose sequence is fixed by its seed.
/// Swift's own generators are not seedable, and `random(in:using:)` does not promise the same
/// numbers from one Swift version to the next, so draws are made here from raw bits.
public struct SplitMix64 {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<n`.
    public mutating func below(_ n: Int) -> Int { Int(UInt64(n).multipliedFullWidth(by: next()).high) }

    mutating func inRange(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// A number in `[0, 1)`.
    mutating func fraction() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ p: Double) -> Bool { fraction() < p }

    /// An index of `weights`, each drawn in proportion to its weight.
    mutating func weighted(_ weights: [Int]) -> Int {
        var left = below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if left < w { return i }
            left -= w
        }
        return weights.count - 1
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An element of `items`, the front more often than the back (as surnames are).
    mutating func pickFrontHeavy<T>(_ items: [T]) -> T {
        let f = fraction()
        return items[Int(Double(items.count) * f * f)]
    }
}
