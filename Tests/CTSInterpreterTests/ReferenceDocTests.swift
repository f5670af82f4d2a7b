import Foundation
import Testing
@testable import CTSInterpreter
import CTSLanguage

/// docs/language.md carries a section generated from the command table; this keeps it current.
/// Run with `RECORD=1` to rewrite the section after changing the table.
@Suite struct ReferenceDocTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/language.md")

    @Test func generatedSectionIsCurrent() throws {
        let document = try String(contentsOf: Self.path, encoding: .utf8)
        let updated = try #require(
            ReferenceDoc.update(document), "docs/language.md lacks the generated-section markers")
        if ProcessInfo.processInfo.environment["RECORD"] != nil, updated != document {
            try updated.write(to: Self.path, atomically: true, encoding: .utf8)
        }
        #expect(updated == document, "docs/language.md is stale: run RECORD=1 swift test --filter ReferenceDocTests")
    }

    @Test func everyCommandIsDocumented() throws {
        let document = try String(contentsOf: Self.path, encoding: .utf8)
        for spec in CTSLanguage.CommandTable.all {
            #expect(document.contains("#### `\(spec.name)`"), "\(spec.name) is missing from docs/language.md")
        }
    }
}
