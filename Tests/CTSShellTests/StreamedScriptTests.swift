import Foundation
import Testing

/// A script longer than the 64 KiB read whole is parsed as it is read, a megabyte at a time
/// (issue 11): its errors and `--echo` must read as they do for a short one, from a file or
/// from standard input.
@Suite struct StreamedScriptTests {
    /// 3 MB of commands (three parts and more), a command whose lines a part may end inside,
    /// and an error on the last line.
    static let script: String = {
        var text =
            "unit add js \"Jiangsu\" kind=locality level=province\ncadre add c1 \"Li\" unit=js rank=staff category=leading\n"
        let block =
            (0..<50).map { "let x\($0 % 7) = \($0) + 1\n" }.joined()
            + "count cadres where rank = staff and \\\n    unit = js\n"
        while text.utf8.count < 3 << 20 { text += block }
        return text + "cadre set c1 rank=bureu\n"
    }()

    static var lastLine: Int { script.split(separator: "\n", omittingEmptySubsequences: false).count - 1 }

    static var expectedError: String {
        """
        big.cts:\(lastLine):19: error: unknown rank 'bureu' (did you mean 'bureau'?)
            cadre set c1 rank=bureu
                              ^~~~~

        """
    }

    @Test func anErrorAtTheEndOfALongScriptQuotesItsLine() throws {
        let scratch = try SessionScratch()
        try scratch.write("big.cts", Self.script)
        let r = try scratch.cts("big.cts")
        #expect(r.status == 1)
        #expect(r.err.hasPrefix(Self.expectedError), "\(r.err.prefix(400))")
    }

    @Test func aLongScriptOnStandardInputIsStreamedToo() throws {
        let scratch = try SessionScratch()
        try scratch.write("big.cts", Self.script)
        let (status, _, err) = try runCTS([], in: scratch.url, stdin: scratch.url.appendingPathComponent("big.cts"))
        #expect(status == 1)
        #expect(
            err.hasPrefix(Self.expectedError.replacingOccurrences(of: "big.cts:", with: "<stdin>:")),
            "\(err.prefix(400))")
    }

    /// `--echo` shows every command of a streamed script as it was written, its continued
    /// lines too, whichever part of the stream each came in.
    @Test func echoShowsEveryCommandOfAStreamedScript() throws {
        let scratch = try SessionScratch()
        try scratch.write("big.cts", Self.script)
        let (status, out, _) = try runCTS(
            ["--echo"], in: scratch.url, stdin: scratch.url.appendingPathComponent("big.cts"))
        #expect(status == 1)
        let echoed = out.split(separator: "\n", omittingEmptySubsequences: false).filter {
            $0.hasPrefix("cts> ") || $0.hasPrefix("...> ")
        }.map { String($0.dropFirst(5)) }
        let written = Self.script.split(separator: "\n").map(String.init)
        #expect(echoed.count == written.count)
        #expect(echoed == written)
    }
}
