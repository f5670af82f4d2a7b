import Foundation
import Testing

/// A batch run with `-s` keeps only the slots its changes touch and writes the file from them
/// at its end: the file must hold exactly what the same commands leave in memory.
@Suite struct BatchSessionFileTests {
    static let changes = """
        unit add sz "Suzhou" kind=locality level=city parent=js
        unit set nj name="Nanjing City"
        unit remove nj.fin
        undo
        unit remove nj.fin
        unit add nj.fin "Again" kind=department level=city parent=nj
        set day-hours 8
        save
        unit add wx "Wuxi" kind=locality level=city parent=js
        unit remove wx
        unit add wx "Wuxi again" kind=locality level=city parent=js

        """

    @Test func theFileHoldsWhatTheRunLeftInMemory() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", SessionFileTests.units)
        try dir.write("changes.cts", Self.changes)
        #expect(try dir.cts("-s", "F.ctsdb", "setup.cts").status == 0)
        let run = try dir.cts("-s", "F.ctsdb", "changes.cts")
        #expect(run.status == 0 && run.err.isEmpty, "\(run)")
        // The same commands in memory, where there is no file to save to.
        try dir.write("unsaved.cts", Self.changes.replacingOccurrences(of: "save\n", with: ""))
        let inMemory = try dir.cts("setup.cts", "unsaved.cts", "-c", "dump")
        #expect(inMemory.status == 0, "\(inMemory)")
        #expect(try dir.dump("F.ctsdb") == inMemory.out)
    }

    @Test func aFailureAfterASaveLeavesTheFileAsTheSaveWroteIt() throws {
        let dir = try SessionScratch()
        try dir.write("setup.cts", SessionFileTests.units)
        try dir.write(
            "fails.cts", "unit add sz \"Suzhou\" kind=locality level=city parent=js\nsave\nunit remove js\nnonsense\n")
        #expect(try dir.cts("-s", "F.ctsdb", "setup.cts").status == 0)
        let run = try dir.cts("-s", "F.ctsdb", "fails.cts")
        #expect(run.status == 1, "\(run)")
        #expect(try dir.count("units", in: "F.ctsdb") == "count\n4\n")
    }
}
