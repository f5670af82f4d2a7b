/// Typed readers of the fields queries test most, for the binder in CTSInterpreter.
///
/// `accessor(_:_:)` and `refAccessor(_:_:)` work for every field, but through the field's key
/// path and a copy of the whole record (its strings retained and released); a query reads a
/// field of up to a million records, so for the fields conditions, sorts and groups use most
/// these read the one field in place, from code specialised here for the record type. Each
/// reader looks the row up when called, so a reader kept in a bound rule condition sees the
/// records as they are then. A field not listed gets nil: the caller falls back to the general
/// accessor, which gives the same values.
extension Session {
    /// The slot a reference field names (nil for an empty slot or an absent reference).
    public func fastRefReader(_ kind: EntityKind, _ field: String) -> ((Int) -> Int?)? {
        switch (kind, field) {
        case (.cadre, "unit"): return reader(Cadre.self) { $0.pointee?.unit }
        case (.unit, "parent"): return reader(Unit.self) { $0.pointee?.parent }
        case (.enrollment, "cadre"): return reader(Enrollment.self) { $0.pointee.map { Int($0.cadre) } }
        case (.enrollment, "course"): return reader(Enrollment.self) { $0.pointee.map { Int($0.course) } }
        default: return nil
        }
    }

    /// The position of an enumeration field's value in its vocabulary (`EnumValue.ordinal`).
    public func fastOrdinalReader(_ kind: EntityKind, _ field: String) -> ((Int) -> Int?)? {
        switch (kind, field) {
        case (.cadre, "rank"): return reader(Cadre.self) { $0.pointee?.rank.position }
        case (.cadre, "category"): return reader(Cadre.self) { $0.pointee?.category.position }
        case (.cadre, "status"): return reader(Cadre.self) { $0.pointee?.status.position }
        case (.unit, "level"): return reader(Unit.self) { $0.pointee?.level.position }
        case (.unit, "kind"): return reader(Unit.self) { $0.pointee?.kind.position }
        case (.course, "kind"): return reader(Course.self) { $0.pointee?.kind.position }
        case (.enrollment, "status"): return reader(Enrollment.self) { $0.pointee?.status.position }
        default: return nil
        }
    }

    /// `fastOrdinalReader` for many slots at once: the positions, -1 where there is none.
    ///
    /// One row after another in a tight loop lets the processor fetch many rows at a time; a
    /// city's cadres lie one in fifty over a province's table, and read one by one (a closure
    /// call and a comparison between reads) three quarters of a list's time went waiting on
    /// memory at 10⁶ cadres.
    public func fastOrdinalsReader(_ kind: EntityKind, _ field: String) -> (([Int]) -> [Int8])? {
        switch (kind, field) {
        case (.cadre, "rank"): return gather(Cadre.self) { $0.pointee?.rank.position }
        case (.cadre, "category"): return gather(Cadre.self) { $0.pointee?.category.position }
        case (.cadre, "status"): return gather(Cadre.self) { $0.pointee?.status.position }
        default: return nil
        }
    }

    /// The id of a record of a kind named by its id (what `name(of:_:)` gives for it).
    public func fastIDReader(_ kind: EntityKind) -> ((Int) -> String?)? {
        switch kind {
        case .cadre: return reader(Cadre.self) { $0.pointee?.id }
        case .unit: return reader(Unit.self) { $0.pointee?.id }
        case .course: return reader(Course.self) { $0.pointee?.id }
        default: return nil
        }
    }

    // A reader of one property of the row in a slot, specialised for the record type. The row
    // is read where it lies, through a pointer: no copy of the record, so none of its strings
    // retained and released. (One function per result type: a generic result would put a
    // reabstraction thunk around every call.)

    private func reader<R: EntityRecord>(_ type: R.Type, _ read: @escaping (UnsafePointer<R?>) -> Int?)
        -> (Int) -> Int?
    {
        let store = store(type)
        return { slot in
            store.table.rows.withUnsafeBufferPointer { rows in
                slot >= 0 && slot < rows.count ? read(rows.baseAddress! + slot) : nil
            }
        }
    }

    private func gather<R: EntityRecord>(_ type: R.Type, _ read: @escaping (UnsafePointer<R?>) -> Int?)
        -> ([Int]) -> [Int8]
    {
        let store = store(type)
        return { slots in
            store.table.rows.withUnsafeBufferPointer { rows in
                slots.map { slot in
                    slot >= 0 && slot < rows.count ? Int8(read(rows.baseAddress! + slot) ?? -1) : -1
                }
            }
        }
    }

    private func reader<R: EntityRecord>(_ type: R.Type, _ read: @escaping (UnsafePointer<R?>) -> String?)
        -> (Int) -> String?
    {
        let store = store(type)
        return { slot in
            store.table.rows.withUnsafeBufferPointer { rows in
                slot >= 0 && slot < rows.count ? read(rows.baseAddress! + slot) : nil
            }
        }
    }
}

extension DomainEnum {
    /// `ordinal` without building `allCases` and searching it (about a thousand instructions
    /// through a key path): an enum without payloads is one byte holding its case's position
    /// in declaration order, which is also the order of `allCases` (DomainEnumTests checks it
    /// for every vocabulary).
    @inline(__always)
    var position: Int {
        MemoryLayout<Self>.size == 1 ? Int(unsafeBitCast(self, to: UInt8.self)) : ordinal
    }
}
