import ArgumentParser
import CTSInterpreter
import CTSShell

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The files `scripts/generate-editor-files` writes with `cts --generate FILE` (a private
/// option: no help, no completion): the manual page and the editor grammars. The completion
/// scripts come from argument-parser's own `--generate-completion-script`.
enum GeneratedFile: String, CaseIterable, ExpressibleByArgument {
    case manual, textmate
    case textmatePlist = "textmate-plist"
    case vimSyntax = "vim-syntax"
    case vimFtdetect = "vim-ftdetect"
}

extension CTS {
    static func text(of file: GeneratedFile) throws -> String {
        switch file {
        case .manual: ManualPage.generated(abstract: configuration.abstract, options: try manualOptions())
        case .textmate: TextMateGrammar.generated()
        case .textmatePlist: TextMateGrammar.propertyList()
        case .vimSyntax: VimSyntax.generated()
        case .vimFtdetect: VimSyntax.ftdetect()
        }
    }

    /// argument-parser's zsh script (1.8.2) gives `_arguments` two rest arguments, the scripts
    /// (`'*:scripts:…'`) and the state of its own `help` subcommand (`'(-)*:: :->arg'`), and zsh
    /// then completes nothing: "doubled rest argument definition". cts has no subcommand to
    /// complete, so the two lines of that state go. Any other text is returned as it is.
    static func repairedCompletionScript(_ text: String) -> String {
        guard text.hasPrefix("#compdef ") else { return text }
        var dropped = Set<String>()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let spec = line.trimmingPrefix(while: \.isWhitespace)
            guard spec == "'(-): :->command'" || spec == "'(-)*:: :->arg'" else { return true }
            return !dropped.insert(String(spec)).inserted
        }
        return lines.joined(separator: "\n")
    }

    /// The flags and arguments as argument-parser describes them (its `--experimental-dump-help`
    /// JSON), so the manual page lists exactly what `cts --help` does.
    static func manualOptions() throws -> [ManualPage.Option] {
        struct Dump: Decodable { let command: Command }
        struct Command: Decodable { let arguments: [Argument] }
        struct Argument: Decodable {
            let kind: String
            let names: [Name]?
            let valueName: String?
            let abstract: String?
            let shouldDisplay: Bool
            let isRepeating: Bool
        }
        struct Name: Decodable {
            let kind: String
            let name: String
        }
        let dump = try JSONDecoder().decode(Dump.self, from: Data(_dumpHelp().utf8))
        return dump.command.arguments.filter(\.shouldDisplay).map { argument in
            // The short name first, as `cts --help` shows it.
            let names = (argument.names ?? []).sorted { $0.kind == "short" && $1.kind != "short" }
                .map { ($0.kind == "short" ? "-" : "--") + $0.name }
            return ManualPage.Option(
                names: names, value: argument.kind == "flag" ? nil : argument.valueName, help: argument.abstract ?? "",
                repeats: argument.isRepeating && argument.kind != "flag")
        }
    }
}
