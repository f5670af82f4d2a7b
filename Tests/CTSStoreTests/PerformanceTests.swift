import CTSDomain
@testable import CTSStore
import Foundation
import Testing

/// Times saving, opening and writing a big session. Prints the times and asserts nothing about
/// them. Default size: 20k cadres and 100k enrollments; `CTS_STORE_BENCH=1` runs the full
/// 200k cadres and 1M enrollments (in release: `swift test -c release -Xswiftc -enable-testing`).
@Suite struct PerformanceTests {
    @Test func saveOpenAndWriteTimes() throws {
        let full = ProcessInfo.processInfo.environment["CTS_STORE_BENCH"] == "1"
        let cadres = full ? 200_000 : 20_000, enrollments = full ? 1_000_000 : 100_000
        let dir = TempDir()
        defer { dir.remove() }
        let clock = ContinuousClock()
        func time<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
            let start = clock.now
            let result = try body()
            return (result, clock.now - start)
        }
        func ms(_ d: Duration) -> String {
            String(format: "%.0f ms", Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
        }

        let (built, buildTime) = try time {
            try SessionBuilder.large(units: 500, cadres: cadres, enrollments: enrollments)
        }
        let session = built.session
        let rows = session.count(.unit) + session.count(.cadre) + session.count(.course) + session.count(.enrollment)

        // Each step runs `runs` times and the best time is kept: the machine may be busy.
        let runs = full ? 3 : 1
        func best(_ body: (Int) throws -> Void) rethrows -> Duration {
            var result = Duration.seconds(1_000_000)
            for run in 0..<runs { result = min(result, try time { try body(run) }.1) }
            return result
        }

        let path = dir.file("big.ctsdb")
        let saveTime = try best { _ in try SQLiteBackend.save(session, to: path) }
        let size = FileSystem.size(path) ?? 0

        let openTime = try best { _ in
            let store = try SQLiteBackend.open(path, create: false)
            defer { store.close() }
            let loaded = try store.load()
            #expect(loaded.count(.cadre) == cadres)
            #expect(loaded.count(.enrollment) == enrollments)
        }

        let writeTime = try best { run in
            let store = try SQLiteBackend.open(dir.file("written\(run).ctsdb"))
            defer { store.close() }
            try store.write(built.changeSets)
        }
        let store = try SQLiteBackend.open(dir.file("written0.ctsdb"))
        defer { store.close() }
        let replaceTime = try best { _ in try store.replaceAll(with: session) }

        // A typical autosave: one command's change set (complete 1 enrollment) in its own transaction.
        var one = ChangeSet()
        try session.complete(cadre: 1, course: 0, hours: nil, date: nil, &one)
        let autosaveTime = try best { _ in
            try store.write([one])
            try store.write([ChangeSet(one.changes.reversed().map(\.inverse))])
        }

        print(
            """
            store bench (\(cadres) cadres, \(enrollments) enrollments, \(rows) rows, file \(size / 1_048_576) MB):
              build in memory (Session.add/append)    \(ms(buildTime))
              save (atomic, new file)                 \(ms(saveTime))
              open + load                             \(ms(openTime))
              write one change set of \(rows) rows  \(ms(writeTime))
              replaceAll                              \(ms(replaceTime))
              write one small change set, twice       \(ms(autosaveTime))
            """)
    }
}
