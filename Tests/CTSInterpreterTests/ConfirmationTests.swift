import CTSDomain
@testable import CTSInterpreter
import Testing

/// Confirmations are made when read: they must say what was true when the command ran.
@Suite struct ConfirmationTests {
    let h = Harness.workshop()

    @Test func undoNamesAStepByTheIdsItHadWhenItRan() {
        h.run("cadre add c9 \"New\" unit=js.org rank=staff category=technical")
        h.run("enroll c9 in k2")
        h.run("cadre remove c9 cascade")
        // c9's slot is empty now: the names were taken when the commands ran.
        #expect(
            h.run("undo 3")
                == [.confirmation("undid: removed cadre c9 and 1 enrollment; enrolled c9 in k2; added cadre c9")])
    }

    @Test func aConfirmationComparesByItsText() {
        #expect(ConfirmationText { "added " + "cadre c1" } == "added cadre c1")
        #expect(ConfirmationText(text: "a") != ConfirmationText { "b" })
        let n = 3
        let made: ConfirmationText = "\(n) cadres"
        #expect(made.text == "3 cadres")
    }
}
