// Measures what `scripts/bench` cannot see from outside: TAB completion at a province's scale.
// Run by `scripts/bench` in release mode; not part of the test suite.
import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSShell

let cadres = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
let clock = ContinuousClock()

func ms(_ d: Duration) -> String {
    let v = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    return String(Double(Int(v * 1000)) / 1000) + " ms"
}

let interpreter = Interpreter(files: SourceFiles(), systemToday: Day(year: 2010, month: 1, day: 1)!)
let session = interpreter.session
var changes = ChangeSet()
try session.add(.unit(Unit(id: "prov", name: "Province", kind: .locality, level: .province)), &changes)
let add = clock.measure {
    for k in 0..<cadres {
        let i = k &* 7919 % cadres
        let digits = String(i)
        let id = "c-" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
        var c = ChangeSet()
        _ = try? session.add(.cadre(Cadre(id: id, name: "Cadre \(i)", unit: 0, rank: .staff, category: .technical)), &c)
    }
}
let completer = Completer(interpreter: interpreter, listFiles: { _ in [] })
let prepare = clock.measure { completer.prepare() }
var samples: [Duration] = []
for k in 0..<1000 {
    let digits = String(k &* 1999 % cadres)
    let line = "cadre show c-" + String(digits.prefix(1 + k % 5))
    samples.append(clock.measure { _ = completer.complete(line: line, cursor: line.utf8.count) })
}
samples.sort()
var one = ChangeSet()
try session.add(.cadre(Cadre(id: "c-new", name: "New", unit: 0, rank: .staff, category: .technical)), &one)
let afterChange = clock.measure { _ = completer.complete(line: "cadre show c-n", cursor: 14) }
let condition = clock.measure {
    let line = "list cadres where unit under prov and rank >= cou"
    _ = completer.complete(line: line, cursor: line.utf8.count)
}
print("TAB completion with \(cadres) cadres (adding them took \(ms(add))):")
print("  building the id index before the first prompt: \(ms(prepare))")
print(
    "  a TAB on a cadre id: median \(ms(samples[samples.count / 2])), p99 \(ms(samples[samples.count * 99 / 100])), max \(ms(samples.last!))"
)
print("  the first TAB after adding a cadre: \(ms(afterChange))")
print("  a TAB in a condition: \(ms(condition))")
let check = completer.complete(line: "cadre show c-00012", cursor: 18)
print(
    "  (check: 'cadre show c-00012' gives \(check.candidates.count) candidates, first \(check.candidates.first?.text ?? "-") \(check.candidates.first?.detail ?? ""))"
)
