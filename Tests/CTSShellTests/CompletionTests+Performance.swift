import CTSDomain
import CTSInterpreter
import CTSLanguage
@testable import CTSShell
import Testing

extension CompletionTests {
    static func cadreID(_ i: Int) -> String {
        let digits = String(i)
        return "x" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// A million cadres, added straight through the session (in a scrambled order, so the
    /// index really sorts), then completions of their ids. Times are printed, not asserted.
    @Test func millionCadres() throws {
        let interpreter = Self.makeInterpreter(#"unit add prov "Province" kind=locality level=province"#)
        let session = interpreter.session
        let n = 1_000_000
        let clock = ContinuousClock()
        let addStart = clock.now
        for k in 0..<n {
            let i = k * 7919 % n  // 7919 is prime to 10⁶: every i once
            var changes = ChangeSet()
            try session.add(
                .cadre(
                    Cadre(
                        id: Self.cadreID(i), name: "Cadre \(i)", unit: 0, rank: .staff,
                        category: .technical)), &changes)
        }
        let addTime = clock.now - addStart
        #expect(session.count(.cadre) == n)

        let completer = Completer(interpreter: interpreter, listFiles: { _ in [] })
        let line = "cadre show x012345"
        var first = Completion(wordStart: 0, prefix: "", candidates: [], commonPrefix: "")
        let firstTime = clock.measure { first = completer.complete(line: line, cursor: line.utf8.count) }
        #expect(
            first.candidates
                == (0..<10).map {
                    CompletionCandidate(text: "x012345\($0)", detail: "Cadre 12345\($0)")
                })
        #expect(first.wordStart == 11 && first.prefix == "x012345" && first.commonPrefix == "x012345")
        #expect(completer.indexBuilds(.cadre) == 1)

        // Later TABs: the index is reused; many different prefixes, and worst cases.
        var times: [Double] = []
        for k in 0..<500 {
            let i = k * 1999 % n
            let prefix = String(Self.cadreID(i).prefix(2 + k % 6))
            let text = "enroll " + prefix
            var c = first
            times.append(
                Self.milliseconds(clock.measure { c = completer.complete(line: text, cursor: text.utf8.count) }))
            #expect(c.candidates.allSatisfy { $0.text.hasPrefix(prefix) })
            #expect(c.candidates.first?.text == prefix + String(repeating: "0", count: 8 - prefix.count))
            #expect(c.commonPrefix == prefix)
        }
        #expect(completer.indexBuilds(.cadre) == 1)
        times.sort()

        var all = first
        let allTime = clock.measure { all = completer.complete(line: "cadre show x", cursor: 12) }
        #expect(all.candidates.count == Completer.candidateLimit && all.totalCount == n)
        #expect(
            all.commonPrefix == "x0" && all.candidates.first?.text == "x0000000"
                && all.candidates.last?.text == "x0000199")

        var condition = first
        let conditionLine = "list enrollments where cadre = x099999"
        let conditionTime = clock.measure {
            condition = completer.complete(line: conditionLine, cursor: conditionLine.utf8.count)
        }
        #expect(condition.candidates.map(\.text) == (0..<10).map { "x099999\($0)" })

        // A change to the session: the next TAB applies it to the index (no rebuild).
        var changes = ChangeSet()
        try session.add(
            .cadre(Cadre(id: "x1000000", name: "The last one", unit: 0, rank: .staff, category: .technical)),
            &changes)
        var rebuilt = first
        let rebuildTime = clock.measure { rebuilt = completer.complete(line: "cadre show x1", cursor: 13) }
        #expect(rebuilt.candidates == [CompletionCandidate(text: "x1000000", detail: "The last one")])
        #expect(completer.indexBuilds(.cadre) == 1)

        func f(_ ms: Double) -> String { String(Double(Int(ms * 1000)) / 1000) + " ms" }
        print(
            """
            completion at 10⁶ cadres (\(f(Self.milliseconds(addTime))) to add them):
              first call, building the index: \(f(Self.milliseconds(firstTime)))
              later calls (500 prefixes): median \(f(times[times.count / 2])), p99 \(f(times[times.count * 99 / 100])), \
            max \(f(times.last!))
              "cadre show x" (10⁶ matches, 200 returned): \(f(Self.milliseconds(allTime)))
              in a condition ("cadre = x099999"): \(f(Self.milliseconds(conditionTime)))
              first call after adding a cadre: \(f(Self.milliseconds(rebuildTime)))
            """)
    }
}

extension CompletionTests {
    /// The index against a brute-force sort and filter, on ids that share long prefixes (the
    /// radix sort orders by the first 8 bytes, the rest breaks ties), differ in case, are not
    /// ASCII, and after removals leave empty slots.
    @Test func idIndexMatchesBruteForce() throws {
        let interpreter = Self.makeInterpreter(#"unit add u "U" kind=locality level=city"#)
        let session = interpreter.session
        let stems = ["abcdefgh", "abcdefg", "abcdefghij", "Abc", "张三", "张", "z", "c-000000", "a"]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var ids = Set<String>()
        while ids.count < 3000 {
            let stem = stems[next(stems.count)]
            ids.insert(stem + (next(4) == 0 ? "" : String(next(5000))))
        }
        var changes = ChangeSet()
        for id in ids {
            try session.add(
                .cadre(Cadre(id: id, name: "n-" + id, unit: 0, rank: .staff, category: .technical)), &changes)
        }
        func byBytes(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }
        func check(_ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            let index = IDIndex(kind: .cadre)
            index.refresh(from: session)
            #expect((0..<index.count).map(index.id(at:)) == expected, sourceLocation: sourceLocation)
            for i in 0..<index.count {
                #expect(session.cadres[index.slot(at: i)]?.id == index.id(at: i), sourceLocation: sourceLocation)
            }
            let prefixes = [
                "", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefgh1", "abcdefghij4", "A", "Abc12",
                "张", "张三", "张三1", "c-0000001", "z", "zz", "b", "\u{10FFFF}",
            ]
            for prefix in prefixes {
                let brute = expected.indices.filter { Array(expected[$0].utf8).starts(with: Array(prefix.utf8)) }
                let range = index.range(prefix: prefix)
                #expect(Array(range) == brute, "prefix \(prefix)", sourceLocation: sourceLocation)
            }
        }
        var expected = ids.sorted(by: byBytes)
        check(expected)

        // Remove every third id: empty slots in the table.
        for (i, id) in expected.enumerated() where i % 3 == 0 {
            try session.remove(.cadre, session.slot(.cadre, id: id)!, cascade: false, &changes)
        }
        expected = expected.enumerated().filter { $0.offset % 3 != 0 }.map(\.element)
        check(expected)
    }
}
