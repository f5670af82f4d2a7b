#if canImport(Glibc)
    import Glibc
#endif

#if FUZZING
    /// The province, built on the first input; libFuzzer runs inputs one at a time.
    nonisolated(unsafe) private let harness = FuzzHarness()

    /// libFuzzer's entry: one input through the harness; an oracle that fails aborts, which
    /// libFuzzer reports as a crash and keeps the input of.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        if let failure = harness.run(bytes) {
            let message = Array("cts-fuzz: an oracle failed: \(failure)\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            abort()
        }
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    private func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The program's entry. SwiftPM links an executable target with its `main` defined as
    /// `<module>_main` (what `@main` would make), so libFuzzer's own `main` is not used:
    /// this one hands the command line to libFuzzer's driver.
    @_cdecl("cts_fuzz_main")
    public func fuzzMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> CInt {
        var argc = argc
        var argv = argv
        return runDriver(&argc, &argv) { fuzzOneInput($0, $1) }
    }
#endif
