import Testing
@testable import CTSLanguage
import CTSDomain

/// The command table is what `help`, completion and the docs are generated from; these tests
/// keep it consistent with itself and with the parser.
@Suite("Command table")
struct CommandTableTests {
    static let names = CommandTable.all.map(\.name)

    @Test func namesAreUnique() {
        var seen = Set<String>()
        let duplicates = CommandTable.all.map(\.name).filter { !seen.insert($0).inserted }
        #expect(duplicates == [])
    }

    @Test func namesAreOneOrTwoLowercaseWords() {
        for spec in CommandTable.all {
            #expect(spec.name == spec.name.lowercased(), "\(spec.name)")
            #expect((1...2).contains(spec.words.count), "\(spec.name)")
            #expect(spec.words.joined(separator: " ") == spec.name, "\(spec.name)")
        }
    }

    @Test func everyCommandIsFoundByItsWords() {
        for spec in CommandTable.all {
            let words = spec.words
            #expect(CommandTable.spec(words[0], words.count > 1 ? words[1] : nil) === spec, "\(spec.name)")
        }
        #expect(CommandTable.spec("unit", "fly") == nil)
        #expect(CommandTable.spec("unit", nil) == nil)
        #expect(CommandTable.spec("enroll", nil)?.name == "enroll")
    }

    /// `Parser.validate` notes the options given in a 64-bit set.
    @Test func commandsHaveFewerThan64Options() {
        for spec in CommandTable.all { #expect(spec.options.count < 64, "\(spec.name)") }
    }

    @Test func usageStartsWithTheName() {
        for spec in CommandTable.all {
            #expect(spec.usage.hasPrefix(spec.name + " ") || spec.usage == spec.name, "\(spec.name): \(spec.usage)")
        }
    }

    @Test func usageMentionsEveryRequiredOptionAndKeyword() {
        for spec in CommandTable.all {
            for option in spec.options where option.required {
                #expect(spec.usage.contains(option.key + "="), "\(spec.name) lacks \(option.key)= in \(spec.usage)")
            }
            for slot in spec.positionals {
                if case .keyword(let word) = slot.kind {
                    #expect(spec.usage.contains(word), "\(spec.name) lacks \(word) in \(spec.usage)")
                }
            }
        }
    }

    @Test func optionKeysAreUniqueAndLowercase() {
        for spec in CommandTable.all {
            let keys = spec.options.map(\.key)
            #expect(Set(keys).count == keys.count, "\(spec.name): \(keys)")
            #expect(keys.allSatisfy { $0 == $0.lowercased() }, "\(spec.name): \(keys)")
        }
    }

    @Test func optionalPositionalsComeLast() {
        // A required slot after an optional one belongs to its group (`set [OPTION VALUE]`:
        // left out together, given together); only `set` has such a group.
        for spec in CommandTable.all {
            var sawOptional = false
            for slot in spec.positionals {
                if slot.optional {
                    sawOptional = true
                } else {
                    #expect(!sawOptional || spec.name == "set", "\(spec.name): \(slot.placeholder)")
                }
            }
        }
    }

    @Test func everyGroupIsNonEmpty() {
        for group in CommandGroup.allCases {
            #expect(!CommandTable.all.filter { $0.group == group }.isEmpty, "\(group)")
            #expect(!group.title.isEmpty)
        }
    }

    @Test func everySummaryIsOneSentence() {
        for spec in CommandTable.all {
            #expect(!spec.summary.isEmpty, "\(spec.name)")
            #expect(spec.summary.hasSuffix("."), "\(spec.name): \(spec.summary)")
            #expect(!spec.summary.contains("\n"), "\(spec.name)")
        }
    }

    @Test func lookupByName() {
        for spec in CommandTable.all {
            #expect(CommandTable.spec(named: spec.name)?.name == spec.name)
        }
        #expect(CommandTable.spec(named: "unit") == nil)
        #expect(CommandTable.spec(named: "Unit add") == nil)
        #expect(CommandTable.spec(named: "enrollment add") == nil)
        #expect(CommandTable.spec(named: "exemption add") == nil)
    }

    @Test func firstWordsAndSubcommands() {
        #expect(CommandTable.firstWords.count == Set(CommandTable.firstWords).count)
        #expect(Set(CommandTable.firstWords) == Set(CommandTable.all.map { $0.words[0] }))
        #expect(CommandTable.firstWords.prefix(3) == ["unit", "cadre", "course"])
        #expect(CommandTable.subcommands(of: "unit") == ["add", "set", "remove", "show"])
        #expect(CommandTable.subcommands(of: "finding") == ["add", "resolve", "set", "remove", "show"])
        #expect(CommandTable.subcommands(of: "budget") == ["set", "remove", "show"])
        #expect(CommandTable.subcommands(of: "plan") == ["set", "remove", "show"])
        #expect(CommandTable.subcommands(of: "list") == [])
        #expect(CommandTable.subcommands(of: "nothing") == [])
    }

    @Test func everySpecCommandOfSection3IsInTheTable() {
        let required = [
            "unit add", "cadre add", "course add", "rule add", "exempt", "budget set", "plan set", "inspection add",
            "finding add", "finding resolve", "practice add", "enroll", "complete", "absent", "withdraw",
            "list", "count", "stats", "report", "let", "echo", "assert", "include", "pause", "save", "open", "new",
            "dump", "import", "undo", "redo", "set", "help", "quit", "exit",
        ]
        for name in required { #expect(CommandTable.spec(named: name) != nil, "\(name)") }
        for kind in EntityKind.allCases where kind.hasID {
            for verb in ["set", "remove", "show"] {
                #expect(CommandTable.spec(named: "\(kind.singular) \(verb)") != nil, "\(kind.singular) \(verb)")
            }
        }
    }

    @Test func noCommandForKindsWithoutRecordsOfTheirOwn() {
        for kind in [EntityKind.enrollment, .exemption] {
            #expect(CommandTable.subcommands(of: kind.singular) == [], "\(kind)")
        }
    }

    @Test func setOptionsAreTheSettableFields() {
        for kind in EntityKind.allCases where kind.hasID {
            let spec = CommandTable.spec(named: "\(kind.singular) set")!
            var expected = kind.fields.filter(\.settable).map(\.name)
            if kind == .course || kind == .rule { expected.append("days") }
            #expect(spec.options.map(\.key) == expected, "\(kind)")
            #expect(!spec.options.contains { $0.key == "id" })
            #expect(spec.options.allSatisfy { !$0.required })
        }
    }

    @Test func valueKindsOfFields() {
        #expect(CommandTable.valueKind(of: .ref(.unit)) == .ref(.unit))
        #expect(CommandTable.valueKind(of: .courseKinds) == .enumList(.courseKind))
        #expect(CommandTable.valueKind(of: .condition) == .condition)
        #expect(CommandTable.valueKind(of: .enumeration(.rank)) == .enumeration(.rank))
        #expect(CommandTable.valueKind(of: .id) == .text)
    }

    @Test func settingsAreNamedInSetSummary() {
        let summary = CommandTable.spec(named: "set")!.summary
        for setting in CommandTable.settings {
            #expect(summary.contains(setting.name), "\(setting.name)")
        }
        // spec §3: format, color, echo, timer, autosave, errors, day-hours, today.
        for name in ["format", "color", "echo", "timer", "autosave", "errors", "day-hours", "today"] {
            #expect(CommandTable.settings.contains { $0.name == name }, "\(name)")
        }
    }

    /// Keeps the docs honest: every example in the table parses into that very command.
    @Test(arguments: names)
    func exampleParses(_ name: String) throws {
        let spec = try #require(CommandTable.spec(named: name))
        let items = Parser.parse(spec.example, fileID: 0)
        #expect(items.count == 1, "\(spec.example)")
        guard let item = items.first, case .command(let command) = item else {
            Issue.record("example of '\(name)' does not parse: \(items.map(describe)) — \(spec.example)")
            return
        }
        #expect(command.spec.name == name)
        #expect(command.spec.action == spec.action)
        #expect(spec.example.hasPrefix(name + " ") || spec.example == name, "\(spec.example)")
        // Record commands give a record body; other argument commands a simple one.
        if spec.form == .arguments {
            if case .record = command.body {
                #expect(spec.action.changesRecords || spec.action.isShow, "\(name)")
            } else {
                #expect(!spec.action.changesRecords && !spec.action.isShow, "\(name)")
            }
        }
    }
}
