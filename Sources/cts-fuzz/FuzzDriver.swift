#if canImport(Glibc)
    import Glibc
#endif
import CTSShell

#if !FUZZING
    /// `cts-fuzz`, built the ordinary way: what the fuzz target does, without libFuzzer, for
    /// scripts/test and for looking at what the fuzzer found.
    ///
    ///     cts-fuzz --replay Tests/Fuzz/regressions/*     each input through the oracles
    ///     cts-fuzz --generate 200 --seed 7               200 generated scripts through them
    ///     cts-fuzz --generate 50 --seed 7 --corpus DIR   the scripts written to DIR instead
    ///     cts-fuzz --self-test                           the oracles catch a broken dump
    ///     cts-fuzz --dictionary                          the words of the language, for -dict=
    ///
    /// Exits 1 when an oracle failed, naming the input and what differed; 2 on a usage error.
    /// Built with `-DFUZZING` (scripts/fuzz) the target is libFuzzer's instead (FuzzEntry.swift).
    @main
    struct FuzzDriver {
        static func main() {
            var arguments = Array(CommandLine.arguments.dropFirst())
            guard let mode = arguments.first else { usage() }
            arguments.removeFirst()
            switch mode {
            case "--replay": exit(replay(arguments))
            case "--generate": exit(generate(arguments))
            case "--self-test": exit(SelfTest.run())
            case "--dictionary": print(CommandGenerator.dictionary, terminator: "")
            default: usage()
            }
        }

        static func replay(_ paths: [String]) -> Int32 {
            let harness = FuzzHarness()
            var failed = 0
            for path in paths {
                guard let bytes = FuzzFiles.read(path) else {
                    print("cts-fuzz: cannot read \(path)")
                    failed += 1
                    continue
                }
                if let failure = harness.run(bytes) {
                    print("cts-fuzz: \(path): \(failure)")
                    failed += 1
                }
            }
            harness.oracles.removeFile()
            print("cts-fuzz: replayed \(paths.count) inputs, \(failed) failed")
            return failed == 0 ? 0 : 1
        }

        static func generate(_ arguments: [String]) -> Int32 {
            guard let count = arguments.first.flatMap({ Int($0) }) else { usage() }
            var seed: UInt64 = 1, corpus: String?, commands = 20
            var rest = arguments.dropFirst()
            while let flag = rest.popFirst() {
                guard let value = rest.popFirst() else { usage() }
                switch flag {
                case "--seed":
                    guard let n = UInt64(value) else { usage() }
                    seed = n
                case "--corpus": corpus = value
                case "--commands":
                    guard let n = Int(value) else { usage() }
                    commands = n
                default: usage()
                }
            }
            let harness = FuzzHarness()
            var generator = CommandGenerator(session: harness.base, seed: seed)
            var failed = 0
            for i in 0..<count {
                let script = generator.script(commands: commands)
                if let corpus {
                    guard FuzzFiles.write("\(corpus)/generated-\(seed)-\(i).cts", script) else {
                        print("cts-fuzz: cannot write into \(corpus)")
                        return 1
                    }
                } else if let failure = harness.run(Array(script.utf8)) {
                    print("cts-fuzz: generated script \(i) of seed \(seed):\n\(script)\n\(failure)")
                    failed += 1
                }
            }
            harness.oracles.removeFile()
            print("cts-fuzz: generated \(count) scripts (seed \(seed))" + (corpus == nil ? ", \(failed) failed" : ""))
            return failed == 0 ? 0 : 1
        }

        static func usage() -> Never {
            print(
                "usage: cts-fuzz --replay FILE... | --generate N [--seed S] [--corpus DIR] [--commands N]"
                    + " | --self-test | --dictionary")
            exit(2)
        }
    }
#endif
