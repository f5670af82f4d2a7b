import CTSDomain
import CTSInterpreter
import CTSOutput

/// `export COLLECTION to FILE as FORMAT`: every record of a collection, written to a sink in
/// bounded memory.
///
/// A format whose files grow by appending (``OutputFormat/Traits/appending`` is
/// `rowsUnderHeader` or `lines`: csv, ndjson) is written in pieces of `pieceSize` records, each
/// a small ``ResultTable`` (the csv header on the first piece only), so memory holds one piece
/// and the sink's buffer. A json array is one document, so it is written from one table of all
/// the records (row by row, but the rows are held).
///
///     let n = ExportWriter.write(.cadre, of: session, as: .csv, to: &file)   // records written
enum ExportWriter {
    static func write(
        _ kind: EntityKind, of session: Session, as format: OutputFormat,
        pieceSize: Int = 4096, to out: inout some TextOutputStream
    ) -> Int {
        let slots = Export.slots(kind, of: session)
        switch format.traits.appending {
        case .rowsUnderHeader, .lines:
            var spec = OutputSpec(format)
            var start = 0
            repeat {
                let end = min(start + pieceSize, slots.count)
                Renderer.write(Export.table(kind, of: session, slots: slots[start..<end]), spec, to: &out)
                spec.headers = false
                start = end
            } while start < slots.count
        case .refused, .wholeResults:
            Renderer.write(Export.table(kind, of: session, slots: slots), OutputSpec(format), to: &out)
        }
        return slots.count
    }
}
