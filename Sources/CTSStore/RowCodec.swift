import CTSDomain

/// The columns of one kind's table, worked out once from its declaration: where each field
/// sits in the record struct and how its column stores it. Saving and loading run their
/// per-row loops over these plain values rather than over the `Field`s, because copying a
/// `Field` retains and releases its key paths and closures: for a million rows times their
/// fields, that was most of the time of `save` and of opening a file.
///
/// Fields with a rare layout (a rule's period and course kinds, an enum that is not one byte)
/// go through their `Field`, as ``RecordEncoding`` and ``SessionLoader`` do.
///
///     let codec = RowCodec(Cadre.declaration)
///     codec.bind(cadre, to: insert, from: 2)     // id, name, unit, rank, ... as parameters 2...8
struct RowCodec<R: EntityRecord> {
    enum Layout {
        case text, optionalText, number, optionalNumber, int, optionalInt, date, optionalDate, bool
        /// A one-byte enum holding its case's position; `words` gives the words by position.
        case byteEnum
        case ref, optionalRef, ref32
        /// Bound and read through the field (`fields[field]`).
        case other
    }

    /// One field: nothing in it is reference-counted, so a loop over them copies no more than
    /// a few words.
    struct Column {
        let layout: Layout
        /// The field's byte offset in the record.
        let offset: Int
        /// The field's position in the declaration's `allFields`.
        let field: Int
        /// The first SQL column of the field (0 is the slot).
        let sqlColumn: Int32
        /// For a byte enum: its words in ``RowCodec/words``; else -1.
        let words: Int
        /// For a reference: the ordinal of the kind it names; else -1.
        let target: Int
    }

    let declaration: EntityDeclaration<R>
    let columns: [Column]
    /// How many SQL columns the fields take (a period takes three).
    let sqlColumnCount: Int32
    /// The words of each byte enum, by position.
    let words: [[String]]
    /// The same as UTF-8 bytes, for matching a column's text without making a String.
    let wordBytes: [[[UInt8]]]
    /// The vocabulary of each byte enum, for messages.
    let vocabularies: [Vocabulary]

    init(_ declaration: EntityDeclaration<R>) {
        self.declaration = declaration
        var columns: [Column] = []
        var words: [[String]] = []
        var vocabularies: [Vocabulary] = []
        var sqlColumn: Int32 = 1
        for (i, field) in declaration.allFields.enumerated() {
            let layout: Layout
            var wordsIndex = -1
            switch field.access {
            case .text: layout = .text
            case .optionalText: layout = .optionalText
            case .number: layout = .number
            case .optionalNumber: layout = .optionalNumber
            case .int: layout = .int
            case .optionalInt: layout = .optionalInt
            case .date: layout = .date
            case .optionalDate: layout = .optionalDate
            case .bool: layout = .bool
            case .enumeration(let e) where e.isOrdinalByte:
                layout = .byteEnum
                wordsIndex = words.count
                words.append(e.words)
                vocabularies.append(e.vocabulary)
            case .ref: layout = .ref
            case .optionalRef: layout = .optionalRef
            case .ref32: layout = .ref32
            case .enumeration, .period, .courseKinds: layout = .other
            }
            columns.append(
                Column(
                    layout: layout, offset: field.storedOffset, field: i, sqlColumn: sqlColumn, words: wordsIndex,
                    target: field.target?.declaration.ordinal ?? -1))
            sqlColumn += Int32(SessionSchema.columns(of: field).count)
        }
        self.columns = columns
        sqlColumnCount = sqlColumn - 1
        self.words = words
        wordBytes = words.map { $0.map { Array($0.utf8) } }
        self.vocabularies = vocabularies
    }

    /// Binds a record's fields to parameters `first`... of `statement`; returns the parameter
    /// after the last.
    @discardableResult
    func bind(_ r: R, to s: PreparedStatement, from first: Int32) -> Int32 {
        withUnsafeBytes(of: r) { raw in
            for c in columns {
                let i = first + c.sqlColumn - 1
                switch c.layout {
                case .text: s.bind(i, raw.load(fromByteOffset: c.offset, as: String.self))
                case .optionalText: s.bind(i, raw.load(fromByteOffset: c.offset, as: String?.self))
                case .number: s.bind(i, raw.load(fromByteOffset: c.offset, as: Number.self))
                case .optionalNumber: s.bind(i, raw.load(fromByteOffset: c.offset, as: Number?.self))
                case .int, .ref: s.bind(i, raw.load(fromByteOffset: c.offset, as: Int.self))
                case .optionalInt, .optionalRef: s.bind(i, raw.load(fromByteOffset: c.offset, as: Int?.self))
                case .ref32: s.bind(i, Int(raw.load(fromByteOffset: c.offset, as: Int32.self)))
                case .date: s.bind(i, DayText.format(raw.load(fromByteOffset: c.offset, as: Day.self)))
                case .optionalDate:
                    s.bind(i, raw.load(fromByteOffset: c.offset, as: Day?.self).map(DayText.format))
                case .bool: s.bind(i, raw.load(fromByteOffset: c.offset, as: Bool.self) ? 1 : 0)
                case .byteEnum: s.bind(i, words[c.words][Int(raw.load(fromByteOffset: c.offset, as: UInt8.self))])
                case .other: RecordEncoding.bind(declaration.allFields[c.field], of: r, to: s, at: i)
                }
            }
        }
        return first + sqlColumnCount
    }
}
