import Foundation
import Testing

/// Excel workbooks and csv for Excel (issue 12), checked the way a user would: LibreOffice
/// opens what cts wrote and saves it as csv, which must be cts's own csv, byte for byte.
@Suite struct XLSXExportTests {
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let workshop = TutorialFolder.checkout.appendingPathComponent("examples/workshop.cts").path

    /// Converts workbooks to csv with LibreOffice (UTF-8, quotes only where needed, cells as
    /// shown), in a profile of its own so that tests running at once do not share one.
    func convert(_ dir: SessionScratch, _ files: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.soffice!)
        process.arguments =
            [
                "-env:UserInstallation=file://\(dir.path("lo-profile"))", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", dir.path("lo"),
            ] + files.map(dir.path)
        process.currentDirectoryURL = dir.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice (Debian's libreoffice-calc-nogui) is not installed"))
    func libreOfficeReadsBackWhatCSVSays() throws {
        let dir = try SessionScratch()
        let r = try dir.cts(
            Self.workshop, "-c", "export cadres to \"cadres.xlsx\"", "-c", "export cadres to \"cadres.csv\"",
            "-c", "export enrollments to \"enrollments.xlsx\"", "-c", "export enrollments to \"enrollments.csv\"",
            "-c", "export courses to \"courses.xlsx\" as xlsx", "-c", "export courses to \"courses.csv\"",
            "-c", "list cadres where rank >= county limit 10 > \"leaders.xlsx\"",
            "-c", "list cadres where rank >= county limit 10 as csv > \"leaders.csv\"")
        #expect(r.status == 0 && r.err.isEmpty, "\(r)")
        let names = ["cadres", "enrollments", "courses", "leaders"]
        try convert(dir, names.map { $0 + ".xlsx" })
        for name in names {
            let cts = try dir.text(name + ".csv")
            #expect(try dir.text("lo/\(name).csv") == cts, "\(name)")
        }
        #expect(try dir.text("cadres.csv").contains("张敏"))
    }

    @Test func aWorkbookGoesOnlyToAWholeFile() throws {
        let dir = try SessionScratch()
        let screen = try dir.cts(Self.workshop, "-c", "list cadres as xlsx")
        #expect(screen.status == 1)
        #expect(screen.err.contains("error: an xlsx workbook is a file: add '> \"FILE.xlsx\"'"), "\(screen)")
        let append = try dir.cts(Self.workshop, "-c", "list cadres as xlsx >> \"c.xlsx\"")
        #expect(append.err.contains("error: an xlsx workbook cannot be appended to"), "\(append)")
        let setting = try dir.cts("-c", "set format xlsx")
        #expect(setting.err.contains("unknown format 'xlsx'"), "\(setting)")
        #expect(!dir.exists("c.xlsx"))
        // A zip file: what Excel expects.
        try dir.cts(Self.workshop, "-c", "list units > \"u.xlsx\"")
        #expect(try dir.bytes("u.xlsx").prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
    }

    @Test func bomMarksACSVFileAsUTF8ForExcel() throws {
        let dir = try SessionScratch()
        let r = try dir.cts(
            Self.workshop, "-c", "export cadres to \"bom.csv\" bom=yes", "-c", "export cadres to \"plain.csv\"",
            "-c", "export cadres to \"no.csv\" bom=no")
        #expect(r.status == 0, "\(r)")
        let bom = try dir.bytes("bom.csv"), plain = try dir.bytes("plain.csv")
        #expect(bom.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(bom.dropFirst(3) == plain)
        #expect(try dir.bytes("no.csv") == plain)
        let json = try dir.cts(Self.workshop, "-c", "export cadres to \"c.json\" bom=yes")
        #expect(json.status == 1)
        #expect(json.err.contains("error: bom=yes marks a csv file as UTF-8 for Excel; json has no byte order mark"))
    }
}
