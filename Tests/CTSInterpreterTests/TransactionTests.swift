import CTSDomain
@testable import CTSInterpreter
import Testing

/// Transactions that keep their change sets (at the prompt, under -i) and those that keep only
/// the slots touched (a batch run that ends with its scripts).
@Suite struct TransactionTests {
    private let units = """
        unit add js "Jiangsu" kind=locality level=province
        unit add nj "Nanjing" kind=locality level=city parent=js
        """

    @Test func aTransactionKeepingChangeSetsRollsTheSessionBack() {
        let h = Harness()
        h.interpreter.beginTransaction()
        h.run(units)
        #expect(h.interpreter.transactionChanges.count == 2)
        #expect(h.interpreter.transactionChangedSlots == nil)
        #expect(h.interpreter.rollback())
        #expect(h.session.count(.unit) == 0)
        #expect(h.interpreter.unsavedChanges == 0)
    }

    @Test func aTransactionKeepingSlotsKeepsNoChangeSets() throws {
        let h = Harness()
        h.interpreter.beginTransaction(keepingChangeSets: false)
        h.run(units)
        h.run("unit set nj name=\"Nanjing City\"")
        #expect(h.interpreter.transactionChanges.isEmpty)
        #expect(h.interpreter.transactionHasChanges)
        let changed = try #require(h.interpreter.transactionChangedSlots)
        #expect(changed.slots(.unit) == [0, 1])
        #expect(h.interpreter.transactionUnwrittenCount == 3)
        h.interpreter.markTransactionWritten()
        #expect(h.interpreter.transactionChangedSlots?.isEmpty == true)
        #expect(h.interpreter.transactionUnwrittenCount == 0)
        h.run("unit remove nj")
        #expect(h.interpreter.transactionChangedSlots?.slots(.unit) == [1])
        // Nothing to take back in memory: the run is ending. The changes count as never made.
        #expect(h.interpreter.rollback())
        #expect(h.session.count(.unit) == 1)
        #expect(h.interpreter.unsavedChanges == 0)
        #expect(!h.interpreter.inTransaction)
    }

    @Test func replacingTheSessionStartsAJournalThatKeepsChangeSets() {
        let h = Harness()
        h.interpreter.beginTransaction(keepingChangeSets: false)
        h.run(units)
        h.interpreter.replaceSession(Session())
        h.run(units)
        #expect(h.interpreter.transactionChanges.count == 2)
        #expect(h.interpreter.transactionChangedSlots == nil)
    }
}
