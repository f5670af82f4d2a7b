import CTSDomain

/// One run of a ``ProvinceGenerator``: its draws, what it has made so far (later commands
/// refer to earlier records) and the lines not yet handed on.
///
/// The commands come in the order a script would give them: units, rules, cadres (with
/// their exemptions), courses, enrollments and their outcomes, then budgets, plans,
/// inspections with their findings, and good practices.
struct ProvinceBuild {
    typealias Emit = (String, Double) throws -> Void
    typealias Words = ProvinceGenerator

    private let size: ProvinceGenerator.Shape
    private let cadreCount: Int
    private var random: SplitMix64
    private var text = ""
    private var linesInText = 0
    /// How far the work has got: one unit per cadre, one per enrollment (estimated at 5 per
    /// cadre until they are drawn).
    private var workDone = 0
    private var workTotal: Int

    private enum Level: Int {
        case province, city, county, township
        var word: String { ["province", "city", "county", "township"][rawValue] }
        /// The highest rank a cadre of this level holds (staff = 0 … national = 5).
        var rankCap: Int { [5, 3, 2, 1][rawValue] }
    }

    private struct Locality {
        let id: String
        let level: Level
        let parent: Int?
        /// How seriously it takes training, from 0.15 to 1: more courses, more completed,
        /// more findings resolved.
        let diligence: Double
        /// Whether its training funds grow slower than its revenue.
        let lagging: Bool
        var cadres = 0
    }

    private struct Workplace {
        let id: String
        let locality: Int
    }

    private var localities: [Locality] = []
    private var workplaces: [Workplace] = []
    /// The party schools and the academy, with the organization department of their locality.
    private var schools: [(id: String, organizer: String)] = []
    private var cadreWorkplace: [Int32] = []
    private var cadreIsLeader: [Bool] = []
    /// Cadres who left after their training (a cadre who has left cannot enroll).
    private var leftCadres: [Int] = []
    private var courseHours: [Int] = []
    /// Courses of the kinds `lead5y` counts (off-job, rotation, short-term).
    private var longCourses: [Int] = []
    private var cadreIDWidth: Int
    private var courseIDWidth: Int

    private static let ranks = ["staff", "township", "county", "bureau", "province", "national"]
    private static let rankWeights = [80, 60, 36, 18, 5, 1]
    private static let categories = ["leading", "civil-servant", "enterprise", "technical", "grassroots", "trainer"]
    private static let categoryWeights = [20, 40, 10, 12, 15, 3]
    /// kind, weight, lowest and highest amount, whether the amount is in days.
    private static let courseKinds: [(kind: String, weight: Int, low: Int, high: Int, days: Bool)] = [
        ("off-job", 15, 120, 400, false), ("rotation", 10, 60, 200, false), ("short-term", 25, 3, 15, true),
        ("lecture", 15, 2, 4, false), ("report", 10, 2, 3, false), ("online", 15, 10, 50, false),
        ("overseas", 3, 80, 200, false), ("practice", 7, 20, 60, false),
    ]

    init(_ generator: ProvinceGenerator) {
        size = generator.shape
        cadreCount = generator.cadres
        random = SplitMix64(seed: generator.seed)
        cadreIDWidth = max(4, String(generator.cadres).count)
        courseIDWidth = max(3, String(size.courses).count)
        workTotal = generator.cadres * 6
        text.reserveCapacity(1 << 18)
    }

    mutating func run(_ emit: Emit) throws {
        try line("# A generated province: \(cadreCount) cadres, seen from \(ProvinceGenerator.today).", emit)
        try line("set today \(ProvinceGenerator.today)", emit)
        try units(emit)
        try rules(emit)
        try cadres(emit)
        try training(emit)
        try budgetsAndPlans(emit)
        try inspections(emit)
        try practices(emit)
        if !text.isEmpty { try emit(text, 1) }
    }

    private mutating func line(_ command: String, _ emit: Emit) throws {
        text += command
        text += "\n"
        linesInText += 1
        if linesInText == 2048 {
            try emit(text, min(1, Double(workDone) / Double(workTotal)))
            text.removeAll(keepingCapacity: true)
            linesInText = 0
        }
    }

    private func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private func cadreID(_ i: Int) -> String { "c" + padded(i + 1, cadreIDWidth) }
    private func courseID(_ i: Int) -> String { "k" + padded(i + 1, courseIDWidth) }

    // MARK: - Units

    private mutating func units(_ emit: Emit) throws {
        try line("", emit)
        try line("# Units: the province, its cities, counties and townships.", emit)
        let p = Words.province
        let province = try locality(p.code, "\(p.english) Province – \(p.chinese)省", p.english, .province, nil, emit)
        try line(
            "unit add \(p.code).aa \"\(p.english) Academy of Governance\" kind=institution level=province parent=\(p.code)",
            emit)
        schools.append((id: "\(p.code).aa", organizer: "\(p.code).org"))
        for c in 0..<size.cities {
            let city = Words.cities[c]
            let cityIndex = try locality(
                city.code, "\(city.english) City – \(city.chinese)市", city.english, .city, province, emit)
            for k in 0..<size.countiesPerCity {
                let county = Words.counties[(c * 5 + k) % Words.counties.count]
                let id = "\(city.code).\(county.code)"
                let countyIndex = try locality(
                    id, "\(county.english) County – \(county.chinese)县", county.english, .county, cityIndex, emit)
                for t in 0..<size.townshipsPerCounty {
                    _ = try locality(
                        "\(id).t\(padded(t + 1, 2))", "\(county.english) Township \(t + 1)",
                        "\(county.english) Township \(t + 1)",
                        .township, countyIndex, emit)
                }
            }
        }
    }

    /// A locality and the units under it: its organization department, party school (not in a
    /// township) and the departments where its cadres work.
    private mutating func locality(
        _ id: String, _ name: String, _ shortName: String, _ level: Level, _ parent: Int?, _ emit: Emit
    ) throws -> Int {
        let index = localities.count
        let diligence = 0.15 + 0.85 * random.fraction()
        localities.append(
            Locality(
                id: id, level: level, parent: parent, diligence: diligence,
                lagging: random.chance(0.55 - 0.35 * diligence)))
        let parentID = parent.map { " parent=\(localities[$0].id)" } ?? ""
        let lv = level.word
        try line("unit add \(id) \"\(name)\" kind=locality level=\(lv)\(parentID)", emit)
        let organization = level == .township ? "Organization Office" : "Organization Department"
        try line(
            "unit add \(id).org \"\(organization) of \(shortName)\" kind=organization level=\(lv) parent=\(id)", emit)
        workplaces.append(Workplace(id: "\(id).org", locality: index))
        if level == .township {
            try line("unit add \(id).gov \"\(shortName) Government\" kind=department level=\(lv) parent=\(id)", emit)
            try line("unit add \(id).svc \"\(shortName) Service Center\" kind=workplace level=\(lv) parent=\(id)", emit)
            workplaces += [Workplace(id: "\(id).gov", locality: index), Workplace(id: "\(id).svc", locality: index)]
            return index
        }
        let school = level == .province ? "Provincial Party School" : "Party School"
        try line("unit add \(id).ps \"\(shortName) \(school)\" kind=institution level=\(lv) parent=\(id)", emit)
        schools.append((id: "\(id).ps", organizer: "\(id).org"))
        for d in Words.departments.prefix(level == .county ? 3 : 5) {
            try line(
                "unit add \(id).\(d.code) \"\(shortName) \(d.name)\" kind=department level=\(lv) parent=\(id)", emit)
            workplaces.append(Workplace(id: "\(id).\(d.code)", locality: index))
        }
        return index
    }

    // MARK: - Rules and cadres

    private mutating func rules(_ emit: Emit) throws {
        try line("", emit)
        try line("# The rules of the regulations.", emit)
        try line(
            "rule add lead5y \"Leading cadres at county level and above: 550 hours in 5 years\" "
                + "for=(category = leading and rank >= county) period=2008..2012 hours=550 "
                + "kinds=off-job,rotation,short-term", emit)
        try line(
            "rule add y2012 \"Every cadre: 12 days of training in 2012\" for=(status = active) period=2012..2012 days=12",
            emit)
    }

    private mutating func cadres(_ emit: Emit) throws {
        try line("", emit)
        try line("# Cadres, and those a rule does not apply to.", emit)
        cadreWorkplace.reserveCapacity(cadreCount)
        cadreIsLeader.reserveCapacity(cadreCount)
        for i in 0..<cadreCount {
            workDone += 1
            let w = random.below(workplaces.count)
            let place = workplaces[w]
            localities[place.locality].cadres += 1
            let rank = min(random.weighted(Self.rankWeights), localities[place.locality].level.rankCap)
            // Most cadres at county rank and above hold leading posts.
            let category = rank >= 2 && random.chance(0.6) ? 0 : random.weighted(Self.categoryWeights)
            let born = random.chance(0.85) ? " born=\(random.inRange(1955...1990))" : ""
            let left = random.chance(0.02)
            let id = cadreID(i)
            try line(
                "cadre add \(id) \"\(name())\" unit=\(place.id) rank=\(Self.ranks[rank]) "
                    + "category=\(Self.categories[category])\(born)", emit)
            if left { leftCadres.append(i) }
            let leader = category == 0 && rank >= 2
            cadreWorkplace.append(Int32(w))
            cadreIsLeader.append(leader)
            if leader && random.chance(0.015) {
                try line("exempt \(id) from lead5y reason=\"\(random.pick(Words.exemptionReasons))\"", emit)
            } else if !left && random.chance(0.01) {
                try line("exempt \(id) from y2012 reason=\"\(random.pick(Words.exemptionReasons))\"", emit)
            }
        }
    }

    /// A name as the records write it: in characters mostly, some with their pinyin, a few in
    /// pinyin alone, and a few with tone marks.
    private mutating func name() -> String {
        let surname = random.pickFrontHeavy(Words.surnames)
        var given = [random.pick(Words.givenSyllables)]
        if random.chance(0.7) {
            let second = random.pick(Words.givenSyllables)
            if second.hanzi != given[0].hanzi { given.append(second) }
        }
        let hanzi = surname.hanzi + given.map(\.hanzi).joined()
        let style = random.fraction()
        if style < 0.6 { return hanzi }
        if style < 0.85 { return "\(surname.pinyin) \(Self.spelled(given.map(\.pinyin))) – \(hanzi)" }
        if style < 0.96 { return "\(surname.pinyin) \(Self.spelled(given.map(\.pinyin)))" }
        return "\(surname.toned) \(Self.spelled(given.map(\.toned))) – \(hanzi)"
    }

    /// Syllables written as one given name: `Xiulan`, `Jian'an` (an apostrophe where a syllable
    /// starting with a vowel would run into the one before).
    static func spelled(_ syllables: [String]) -> String {
        var out = ""
        for s in syllables {
            if !out.isEmpty, let first = s.unicodeScalars.first, "aāáǎàoōóǒòeēéěè".unicodeScalars.contains(first) {
                out += "'"
            }
            out += out.isEmpty ? s.prefix(1).uppercased() + s.dropFirst() : s
        }
        return out
    }

    // MARK: - Courses and enrollments

    private mutating func training(_ emit: Emit) throws {
        // Who takes which course is drawn first, so that a course's capacity can fit it.
        var kinds: [Int] = []
        for i in 0..<size.courses {
            let kind = random.weighted(Self.courseKinds.map(\.weight))
            kinds.append(kind)
            if kind < 3 { longCourses.append(i) }
        }
        var takers = [[Int32]](repeating: [], count: size.courses)
        var chosen: [Int] = []
        for cadre in 0..<cadreCount {
            let diligence = localities[workplaces[Int(cadreWorkplace[cadre])].locality].diligence
            var count = Int(Double(2 + random.below(6)) * (0.6 + 0.8 * diligence))
            if cadreIsLeader[cadre] { count += 2 }
            chosen.removeAll(keepingCapacity: true)
            for _ in 0..<min(count, size.courses) {
                for _ in 0..<4 {
                    let useLong = cadreIsLeader[cadre] && !longCourses.isEmpty && random.chance(0.6)
                    let course = useLong ? random.pick(longCourses) : random.below(size.courses)
                    if !chosen.contains(course) {
                        chosen.append(course)
                        takers[course].append(Int32(cadre))
                        break
                    }
                }
            }
        }
        workTotal = cadreCount + takers.reduce(0) { $0 + $1.count }
        try courses(kinds, takers, emit)
        try enrollments(takers, emit)
        try line("", emit)
        try line("# Cadres who have left since.", emit)
        for cadre in leftCadres { try line("cadre set \(cadreID(cadre)) status=left", emit) }
    }

    private mutating func courses(_ kinds: [Int], _ takers: [[Int32]], _ emit: Emit) throws {
        try line("", emit)
        try line("# Courses, 2008 to 2012, at the party schools and the academy.", emit)
        let first = Day(year: 2008, month: 1, day: 1)!
        let span = Int(Day(year: 2012, month: 12, day: 31)!.daysSinceEpoch - first.daysSinceEpoch)
        for i in 0..<size.courses {
            let kind = Self.courseKinds[kinds[i]]
            let amount = random.inRange(kind.low...kind.high)
            let hours = kind.days ? amount * 15 / 2 : amount
            courseHours.append(hours)
            // Calendar days, with weekends; a day holds at most 7.5 class hours.
            let length = max(1, hours * 14 / 75)
            let start = first.adding(days: random.below(span - length))!
            let end = start.adding(days: length - 1)!
            let roll = random.fraction()
            // schools[0] is the provincial party school, schools[1] the academy, which runs
            // the courses abroad.
            let school =
                kind.kind == "overseas" || roll < 0.1
                ? schools[1] : roll < 0.35 ? schools[0] : random.pick(schools)
            let title = "\(random.pick(Words.topics)) (\(start.year))"
            var command =
                "course add \(courseID(i)) \"\(title)\" kind=\(kind.kind) provider=\(school.id) "
                + "start=\(start) end=\(end) \(kind.days ? "days" : "hours")=\(amount)"
            if random.chance(0.3) { command += " capacity=\((takers[i].count * 11 / 10 / 5 + 1) * 5)" }
            if random.chance(0.5) { command += " organizer=\(school.organizer)" }
            try line(command, emit)
        }
    }

    private mutating func enrollments(_ takers: [[Int32]], _ emit: Emit) throws {
        try line("", emit)
        try line("# Enrollments, course by course, and how each ended.", emit)
        for (course, cadres) in takers.enumerated() where !cadres.isEmpty {
            let k = courseID(course)
            workDone += cadres.count
            for group in stride(from: 0, to: cadres.count, by: 100) {
                let ids = cadres[group..<min(group + 100, cadres.count)].map { cadreID(Int($0)) }
                try line("enroll \(ids.joined(separator: ",")) in \(k)", emit)
            }
            var completed: [String] = []
            var others: [String] = []
            for cadre in cadres {
                let id = cadreID(Int(cadre))
                let diligence = localities[workplaces[Int(cadreWorkplace[Int(cadre)])].locality].diligence
                let outcome = random.fraction()
                if outcome < 0.5 + 0.45 * diligence {
                    if random.chance(0.9) {
                        completed.append(id)
                    } else {
                        let hours = max(1, courseHours[course] * random.inRange(30...90) / 100)
                        others.append("complete \(id) in \(k) hours=\(hours)")
                    }
                } else {
                    let rest = random.fraction()
                    if rest < 0.4 {
                        others.append("absent \(id) in \(k)")
                    } else if rest < 0.6 {
                        others.append("withdraw \(id) in \(k)")
                    }
                }
            }
            for group in stride(from: 0, to: completed.count, by: 100) {
                try line(
                    "complete \(completed[group..<min(group + 100, completed.count)].joined(separator: ",")) in \(k)",
                    emit)
            }
            for command in others { try line(command, emit) }
        }
    }

    // MARK: - Money, inspections, practices

    private mutating func budgetsAndPlans(_ emit: Emit) throws {
        try line("", emit)
        try line("# Training funds and fiscal revenue (yuan), 2008 to 2012; plans for 2012.", emit)
        // Cadres under each locality: children come after their parents.
        var under = localities.map(\.cadres)
        for i in localities.indices.reversed() {
            if let p = localities[i].parent { under[p] += under[i] }
        }
        for (i, place) in localities.enumerated() where place.level != .township {
            var revenue: Int
            switch place.level {
            case .province: revenue = random.inRange(120...180) * 1_000_000_000
            case .city: revenue = random.inRange(15...45) * 1_000_000_000
            default: revenue = random.inRange(15...60) * 100_000_000
            }
            var funds = revenue / 1000 * random.inRange(8...12) / 10 / 1000 * 1000
            for year in ProvinceGenerator.years {
                let spent = funds / 100 * random.inRange(86...100) / 1000 * 1000
                try line("budget set \(place.id) \(year) funds=\(funds) revenue=\(revenue) spent=\(spent)", emit)
                let growth = random.inRange(6...16)
                revenue = revenue / 100 * (100 + growth) / 1_000_000 * 1_000_000
                let fundsGrowth =
                    place.lagging && random.chance(0.7)
                    ? growth - random.inRange(3...8) : growth + random.inRange(0...4)
                funds = funds / 100 * (100 + fundsGrowth) / 1000 * 1000
            }
            let participants = max(1, under[i] * random.inRange(50...80) / 100)
            try line("plan set \(place.id) 2012 participants=\(participants) hours=\(participants * 90)", emit)
        }
    }

    private mutating func inspections(_ emit: Emit) throws {
        try line("", emit)
        try line("# Inspections by the organization departments, and what they found.", emit)
        let first = Day(year: 2010, month: 1, day: 1)!
        let span = Int(Day(year: 2013, month: 2, day: 28)!.daysSinceEpoch - first.daysSinceEpoch)
        var inspection = 0
        var finding = 0
        for place in localities where place.level == .city || place.level == .county {
            guard let parent = place.parent else { continue }
            inspection += 1
            let id = "i\(padded(inspection, 3))"
            let date = first.adding(days: random.below(span + 1))!
            let target = random.chance(0.7) ? "\(place.id).org" : "\(place.id).ps"
            try line(
                "inspection add \(id) by=\(localities[parent].id).org unit=\(target) date=\(date) "
                    + "scope=\"\(random.pick(Words.inspectionScopes))\"", emit)
            for _ in 0..<random.inRange(1...3) {
                finding += 1
                let fid = "f\(padded(finding, 4))"
                let severity = ["low", "medium", "high"][random.weighted([40, 40, 20])]
                let due = date.adding(days: random.inRange(45...150))!
                try line(
                    "finding add \(fid) inspection=\(id) \"\(random.pick(Words.findingTexts))\" "
                        + "severity=\(severity) due=\(due)", emit)
                let dueIn = Int(due.daysSinceEpoch - date.daysSinceEpoch)
                let resolved = date.adding(days: random.inRange(10...(dueIn + 45)))!
                if random.chance(0.25 + 0.6 * place.diligence), resolved < ProvinceGenerator.today {
                    try line("finding resolve \(fid) date=\(resolved)", emit)
                }
            }
        }
    }

    private mutating func practices(_ emit: Emit) throws {
        try line("", emit)
        try line("# Good practices worth spreading.", emit)
        var practice = 0
        for place in localities where place.level == .city || place.level == .county {
            guard random.chance(0.2 + 0.5 * place.diligence) else { continue }
            practice += 1
            let promoted = random.chance(0.3) ? " promoted=yes" : ""
            try line(
                "practice add p\(padded(practice, 3)) unit=\(place.id).org year=\(random.inRange(2009...2012)) "
                    + "\"\(random.pick(Words.practiceTexts))\"\(promoted)", emit)
        }
    }
}
