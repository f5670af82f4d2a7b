import Foundation
import Testing

// Files that dump, export and `>`/`>>` write are never half-written (issue 11, crash
// consistency): a replaced file is written beside the old one and renamed over it, so a write
// that fails leaves the old bytes; a failed append is cut back to the old length. The failures
// are real ones: `ulimit -f` makes write(2) fail with EFBIG once a file passes 1 KiB (the
// SIGXFSZ that would kill cts is ignored, as the shell passes an ignored signal on).

@Suite struct FileWriteTests {
    /// A script adding `count` units: its dump is about 70 bytes a unit, its csv about 20.
    static func units(_ count: Int) -> String {
        var text = "unit add js \"Jiangsu\" kind=locality level=province\n"
        for i in 0..<count { text += "unit add u\(i) \"Unit number \(i)\" kind=locality level=city parent=js\n" }
        return text
    }

    /// Runs `commands` (after `setup.cts`) with files limited to 1 KiB.
    func runLimited(_ commands: String, in dir: SessionScratch) throws -> (Int32, String) {
        let (status, _, err) = try runBash(
            "trap '' XFSZ; ulimit -f 1; \"$CTS\" setup.cts -c \(shellQuoted(commands))", in: dir.url)
        return (status, err)
    }

    func leftovers(in dir: SessionScratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".") }
    }

    @Test func aDumpThatCannotBeWrittenLeavesTheOldFile() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units(40))
        try dir.write("out.cts", "# the old dump\n")
        let (status, err) = try runLimited(#"dump "out.cts""#, in: dir)
        #expect(status == 1, "\(err)")
        #expect(err.contains("out.cts") && err.contains("File too large"), "\(err)")
        #expect(try dir.text("out.cts") == "# the old dump\n")
        #expect(try leftovers(in: dir).isEmpty, "a temporary file was left behind")
    }

    @Test func anAppendThatCannotBeWrittenIsCutBack() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units(100))
        try dir.write("ids.csv", "id,name\nold,Old\n")
        let (status, err) = try runLimited(#"list units columns id, name as csv >> "ids.csv""#, in: dir)
        #expect(status == 1 && err.contains("File too large"), "\(err)")
        #expect(try dir.text("ids.csv") == "id,name\nold,Old\n")
    }

    @Test func aDumpThatFitsReplacesTheFileKeepingItsModeAndLinks() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units(2))
        try dir.write("real.cts", "# the old dump\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir.path("real.cts"))
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.cts"), withDestinationPath: "real.cts")
        let r = try dir.cts("setup.cts", "-c", #"dump "link.cts""#)
        #expect(r.status == 0, "\(r)")
        #expect(try dir.text("real.cts").contains("unit add u1"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("link.cts")) == "real.cts")
        #expect(try dir.mode("real.cts") == 0o644)
        #expect(try leftovers(in: dir).isEmpty)
    }

    @Test func aDeviceIsWrittenInPlace() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", Self.units(2))
        let r = try dir.cts("setup.cts", "-c", #"dump "/dev/full""#)
        #expect(r.status == 1 && r.err.contains("No space left on device"), "\(r)")
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        let null = try dir.cts("setup.cts", "-c", #"dump "/dev/null""#)
        #expect(null.status == 0, "\(null)")
    }
}

/// Quotes text for bash, in single quotes.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
