import CTSDomain
import CTSInterpreter
import CTSOutput

/// `export COLLECTION to FILE as FORMAT`: every record of a collection, written to a sink in
/// bounded memory.
///
/// The records are made into small ``ResultTable``s of `pieceSize` records, one at a time,
/// which the renderer joins into one result of the format (``Renderer/write(pieces:_:to:)``:
/// the csv header once, one json array), so memory holds one piece and the sink's buffer,
/// whatever the number of records.
///
///     let n = ExportWriter.write(.cadre, of: session, as: .csv, to: &file)   // records written
enum ExportWriter {
    static func write(
        _ kind: EntityKind, of session: Session, as format: OutputFormat,
        pieceSize: Int = 4096, to out: inout some TextOutputStream
    ) -> Int {
        let slots = Export.slots(kind, of: session)
        // At least one piece, so that an empty collection still writes its csv header or `[]`.
        let pieces = stride(from: 0, to: max(slots.count, 1), by: pieceSize).lazy.map { start in
            Progress.report("exporting \(kind.plural)", done: start, of: slots.count)
            return Export.table(kind, of: session, slots: slots[start..<min(start + pieceSize, slots.count)])
        }
        defer { Progress.end() }
        Renderer.write(pieces: pieces, OutputSpec(format), to: &out)
        return slots.count
    }
}
