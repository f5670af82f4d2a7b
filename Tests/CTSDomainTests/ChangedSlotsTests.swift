import CTSDomain
import Testing

@Suite struct ChangedSlotsTests {
    @Test func slotsComeBackAscendingByKind() {
        var changed = ChangedSlots()
        #expect(changed.isEmpty)
        for slot in [130, 0, 64, 63, 130] { changed.insert(.cadre, slot) }
        changed.insert(.unit, 5)
        #expect(changed.slots(.cadre) == [0, 63, 64, 130])
        #expect(changed.count(.cadre) == 4)
        #expect(changed.slots(.unit) == [5])
        #expect(changed.slots(.enrollment).isEmpty)
        #expect(changed.firstSlot(.cadre) == 0 && changed.firstSlot(.unit) == 5 && changed.firstSlot(.plan) == nil)
        #expect(changed.kinds == [.unit, .cadre])
        #expect(changed.contains(.cadre, 64) && !changed.contains(.cadre, 65) && !changed.contains(.cadre, 9999))
        #expect(!changed.isEmpty && !changed.settingsChanged)
    }

    @Test func everyChangeTouchesItsSlotAndSettingsAreNoted() {
        let unit = Unit(id: "u", name: "U", kind: .workplace, level: .county)
        var changed = ChangedSlots()
        changed.formUnion(
            ChangeSet([
                .insert(slot: 3, .unit(unit)), .update(slot: 1, old: .unit(unit), new: .unit(unit)),
                .delete(slot: 7, .unit(unit)),
            ]))
        #expect(changed.slots(.unit) == [1, 3, 7])
        #expect(!changed.settingsChanged)
        changed.insert(.settings(old: .standard, new: SessionSettings(dayHours: 8)))
        #expect(changed.settingsChanged)
    }
}
