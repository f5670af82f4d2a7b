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
            fputs("cts-fuzz: an oracle failed: \(failure)\n", stderr)
            abort()
        }
        return 0
    }
#endif
