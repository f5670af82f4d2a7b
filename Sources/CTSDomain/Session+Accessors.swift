// Fast field readers for queries. A condition over a million cadres reads a field a million
// times, so each reader is a closure specialised once for its kind and field, reading the
// typed record directly instead of going through `Record` and a switch on the field name.

extension Session {
    /// A reader for a field of a kind, or nil when the kind has no such field.
    public func accessor(_ kind: EntityKind, _ field: String) -> ((Int) -> Value)? {
        if let refReader = refAccessor(kind, field), case .ref(let target)? = kind.field(named: field)?.type {
            return { [unowned self] slot in
                guard let r = refReader(slot) else { return .null }
                return .ref(target, self.name(of: target, r))
            }
        }
        switch (kind, field) {
        case (.cadre, "id"): return { [unowned self] in .text(self.cadres[$0]!.id) }
        case (.cadre, "name"): return { [unowned self] in .text(self.cadres[$0]!.name) }
        case (.cadre, "rank"): return { [unowned self] in .enumeration(self.cadres[$0]!.rank.enumValue) }
        case (.cadre, "category"): return { [unowned self] in .enumeration(self.cadres[$0]!.category.enumValue) }
        case (.cadre, "born"): return { [unowned self] in self.cadres[$0]!.born.map { .number(Number($0)) } ?? .null }
        case (.cadre, "status"): return { [unowned self] in .enumeration(self.cadres[$0]!.status.enumValue) }
        case (.enrollment, "status"): return { [unowned self] in .enumeration(self.enrollments[$0]!.status.enumValue) }
        case (.enrollment, "hours"): return { [unowned self] in self.enrollments[$0]!.hours.map(Value.number) ?? .null }
        case (.enrollment, "date"): return { [unowned self] in self.enrollments[$0]!.date.map(Value.date) ?? .null }
        case (.unit, "id"): return { [unowned self] in .text(self.units[$0]!.id) }
        case (.unit, "level"): return { [unowned self] in .enumeration(self.units[$0]!.level.enumValue) }
        case (.unit, "kind"): return { [unowned self] in .enumeration(self.units[$0]!.kind.enumValue) }
        case (.course, "kind"): return { [unowned self] in .enumeration(self.courses[$0]!.kind.enumValue) }
        default:
            guard kind.field(named: field) != nil else { return nil }
            return { [unowned self] slot in
                guard let record = self.record(kind, slot) else { return .null }
                return self.value(of: record, field: field)
            }
        }
    }

    /// A reader for a reference field: the slot of the record it names (nil when absent).
    public func refAccessor(_ kind: EntityKind, _ field: String) -> ((Int) -> Int?)? {
        switch (kind, field) {
        case (.unit, "parent"): { [unowned self] in self.units[$0]!.parent }
        case (.cadre, "unit"): { [unowned self] in self.cadres[$0]!.unit }
        case (.course, "provider"): { [unowned self] in self.courses[$0]!.provider }
        case (.course, "organizer"): { [unowned self] in self.courses[$0]!.organizer }
        case (.enrollment, "cadre"): { [unowned self] in Int(self.enrollments[$0]!.cadre) }
        case (.enrollment, "course"): { [unowned self] in Int(self.enrollments[$0]!.course) }
        case (.exemption, "cadre"): { [unowned self] in self.exemptions[$0]!.cadre }
        case (.exemption, "rule"): { [unowned self] in self.exemptions[$0]!.rule }
        case (.budget, "unit"): { [unowned self] in self.budgets[$0]!.unit }
        case (.plan, "unit"): { [unowned self] in self.plans[$0]!.unit }
        case (.inspection, "by"): { [unowned self] in self.inspections[$0]!.by }
        case (.inspection, "unit"): { [unowned self] in self.inspections[$0]!.unit }
        case (.finding, "inspection"): { [unowned self] in self.findings[$0]!.inspection }
        case (.practice, "unit"): { [unowned self] in self.practices[$0]!.unit }
        default: nil
        }
    }
}
