import CTSDomain

/// The records of a collection as a ``ResultTable`` (`export COLLECTION to "FILE" [as FORMAT]`,
/// one of `CommandTable.exportFormats`), for the shell to render in that format and write.
///
/// Columns are the kind's fields in the order of spec §2 (``EntityKind/fields``), named as
/// there; rows are every record in the order of `list` (the order records were added), except
/// that a unit comes after its parent and a rule after the rules its condition uses, so that
/// the file can be imported back as it is (``Dump/order(_:of:)``; the two orders differ only
/// when a unit's parent or a rule's condition was changed to a later record). References are written
/// as ids, absent values as nothing, a rule's kinds as a list (`off-job,rotation` in csv, an
/// array in json), its period as `2008..2012`, `2009` or `2009-01-01..2009-06-30`.
/// What csv export writes, ``CSVImporter`` reads back.
///
///     let table = Export.table(.cadre, of: session)
///     let text = Renderer.render(table, as: .csv)   // in CTSOutput
///
/// For a collection too large to hold as one table, take it in pieces with
/// ``table(_:of:slots:)`` over consecutive runs of ``slots(_:of:)``, and write the csv
/// header only once.
public enum Export {
    /// Every record of `kind`, with its default columns.
    public static func table(_ kind: EntityKind, of session: Session) -> ResultTable {
        table(kind, of: session, slots: slots(kind, of: session))
    }

    /// The records in `slots` (which must hold records of `kind`), with the default columns.
    public static func table(_ kind: EntityKind, of session: Session, slots: some Collection<Int>) -> ResultTable {
        let names = columns(kind)
        var rows: [[Value]] = []
        rows.reserveCapacity(slots.count)
        for slot in slots {
            guard let record = session.record(kind, slot) else { continue }
            rows.append(names.map { session.value(of: record, field: $0) })
        }
        return ResultTable(columns: names, rows: rows)
    }

    /// The slots of the records of `kind`, in the order of an export.
    public static func slots(_ kind: EntityKind, of session: Session) -> [Int] { Dump.order(kind, of: session) }

    /// The column names of an export: the kind's fields in spec order.
    public static func columns(_ kind: EntityKind) -> [String] { kind.fields.map(\.name) }
}
