import ArgumentParser
import CTSInterpreter
import CTSShell

/// The `cts` command line (spec §4). Everything it does lives in CTSShell; this only reads flags.
@main
struct CTS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cts",
        abstract: "The cadre training shell: model, check and report on cadre training.",
        discussion: Help.commandIndex(),
        version: Version.current)

    @Argument(help: "Scripts to run in order, then exit.", completion: .file(extensions: ["cts"]))
    var scripts: [String] = []
    @Option(name: .customShort("c"), help: ArgumentHelp("Run a command, then exit (repeatable).", valueName: "command"))
    var command: [String] = []
    @Option(
        name: .customShort("s"), help: ArgumentHelp("Work on a session file (created if missing).", valueName: "file"),
        completion: .file(extensions: ["ctsdb"]))
    var session: String?
    @Flag(name: .customShort("i"), help: "Run the scripts, then stay interactive.") var interactive = false
    @Flag(help: "Print each command (with the prompt) before its output.") var echo = false
    @Flag(help: "Presenter mode: each command of the script appears typed at the prompt; Enter runs it.")
    var step = false
    @Flag(help: "Start from the bundled demo province ('help demo'); with -s, copy it into a new session file.")
    var demo = false
    @Flag(name: .customLong("keep-going"), help: "Report errors and go on (default: stop at the first).")
    var keepGoing = false
    @Flag(name: .customLong("read-only"), help: "Read the session file without locking or changing it.")
    var readOnly = false
    @Flag(
        name: .customLong("dry-run"),
        help: "Run the scripts on the session file without writing; print what would change.")
    var dryRun = false
    @Flag(
        name: .customLong("no-rc"), help: "Do not run the rc file ($XDG_CONFIG_HOME/cts/ctsrc) before the first prompt."
    )
    var noRC = false
    @Flag(help: "Refuse commands that read or write files other than the session file ('help safe').")
    var safe = false
    @Flag(name: .shortAndLong, help: "Confirm changes only at the prompt: 'set verbose off' first.")
    var quiet = false
    @Flag(name: .shortAndLong, help: "Confirm every change, in scripts too: 'set verbose on' first.")
    var verbose = false
    @Option(help: .private) var generate: GeneratedFile?

    func run() throws {
        if dryRun && session == nil {
            throw ValidationError("--dry-run needs a session file: cts --dry-run -s FILE SCRIPT")
        }
        if quiet && verbose { throw ValidationError("-q (--quiet) and -v (--verbose) cannot be used together") }
        if let generate {
            print(try Self.text(of: generate), terminator: "")
            return
        }
        var options = LaunchOptions()
        options.run.scripts = scripts
        options.run.commands = command
        options.run.keepGoing = keepGoing
        options.run.echo = echo
        options.run.step = step
        options.run.demo = demo
        options.run.sessionPath = session
        options.run.readOnly = readOnly
        options.run.dryRun = dryRun
        options.run.safe = safe
        options.run.verbose = quiet ? false : verbose ? true : nil
        options.interactive = interactive
        options.skipRC = noRC
        throw ExitCode(CommandLine.launch(options))
    }

    /// Exit statuses are spec §4's: usage errors are 2 (not argument-parser's 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Self.exit(withError: code)
        } catch {
            if exitCode(for: error) == .success {
                print(repairedCompletionScript(fullMessage(for: error)))  // or help, or the version
                Self.exit(withError: ExitCode.success)
            }
            FileHandleError.write(usageError(fullMessage(for: error)))
            Self.exit(withError: ExitCode(ExitStatus.usage))
        }
    }

    /// argument-parser's "Error: Unknown option '--x'" and its usage lines, in the one style
    /// every other cts error has: "cts: error: unknown option '--x'".
    static func usageError(_ message: String) -> String {
        var text = Substring(message)
        if text.hasPrefix("Error: ") { text = text.dropFirst("Error: ".count) }
        // "Unknown option" reads as the lowercase sentence cts's own messages are; an
        // acronym or a flag at the start ("URL", "--read-only") stays as it is.
        if let first = text.first, first.isUppercase, !(text.dropFirst().first?.isUppercase ?? false) {
            text = first.lowercased() + text.dropFirst()
        }
        return "cts: error: " + text + (text.hasSuffix("\n") ? "" : "\n")
    }
}
