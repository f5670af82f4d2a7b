import CTSDomain
import CTSInterpreter
import CTSOutput
import Testing

@testable import CTSShell

/// `export` writes a collection a piece at a time (issue 9: memory must not grow with the
/// rows); the file is the same whatever the size of the pieces.
@Suite struct ExportWriterTests {
    @Test(arguments: [OutputFormat.json, .csv, .ndjson])
    func piecesMakeTheSameFile(format: OutputFormat) throws {
        let session = try ExportRoundTripTests.interpreter(running: ExportRoundTripTests.script).session
        var whole = "", inPieces = ""
        let n = ExportWriter.write(.cadre, of: session, as: format, pieceSize: 1_000_000, to: &whole)
        let m = ExportWriter.write(.cadre, of: session, as: format, pieceSize: 1, to: &inPieces)
        #expect(n == m && n >= 2, "more records than one piece")
        #expect(inPieces == whole)
        #expect(inPieces == Renderer.render(Export.table(.cadre, of: session), as: format))
    }

    @Test func anEmptyCollectionWritesItsHeaderOrAnEmptyArray() throws {
        let session = Session()
        var csv = "", json = ""
        _ = ExportWriter.write(.cadre, of: session, as: .csv, to: &csv)
        _ = ExportWriter.write(.cadre, of: session, as: .json, to: &json)
        #expect(csv == "id,name,unit,rank,category,born,status\n")
        #expect(json == "[]\n")
    }
}
