import Foundation
import Testing

/// `cts --read-only` at a real terminal (issue 7, item 10): the banner and the prompt say the
/// session is read-only, changes are refused where they are typed, and queries work.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ReadOnlyPromptTests {
    static let prompt = "cts (read-only)>"

    @Test func theBannerAndPromptSayReadOnlyAndChangesAreRefused() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", SessionFileTests.units)
        try dir.cts("-s", "F.ctsdb", "setup.cts")
        let before = try dir.bytes("F.ctsdb")
        let tmux = try TmuxSession()
        defer { tmux.stop() }
        try tmux.start(["--no-rc", "--read-only", "-s", dir.path("F.ctsdb")])
        var screen = try tmux.waitFor { $0.split(separator: "\n").last.map(String.init) == Self.prompt }
        #expect(screen.contains("session file \(dir.path("F.ctsdb")) (read-only: nothing can be changed)"), "\(screen)")

        try tmux.type("unit remove nj")
        try tmux.press("Enter")
        screen = try tmux.waitFor("would change the session")
        #expect(
            screen.contains(
                "<stdin>:1:1: error: 'unit remove' would change the session, which is read-only "
                    + "(--read-only)"), "\(screen)")
        #expect(!screen.contains("removed"), "\(screen)")

        try tmux.type("count units")
        try tmux.press("Enter")
        screen = try tmux.waitFor("(1 row)")
        #expect(screen.contains("     3\n"), "\(screen)")
        #expect(screen.split(separator: "\n").last.map(String.init) == Self.prompt, "\(screen)")

        // Nothing to save, so leaving asks nothing.
        try tmux.type("quit")
        try tmux.press("Enter")
        let deadline = Date().addingTimeInterval(10)
        while try !tmux.exited(), Date() < deadline { usleep(50_000) }
        #expect(try tmux.exited())
        #expect(try dir.bytes("F.ctsdb") == before)
    }
}
