import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSOutput

/// What to run and how, from the command line.
public struct RunOptions: Sendable {
    public var scripts: [String] = []
    public var commands: [String] = []
    /// Report errors and go on (`--keep-going`).
    public var keepGoing = false
    /// Print each command, with the prompt, before its output (`--echo`).
    public var echo = false

    public init() {}
}

/// Exit statuses of spec §4.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let commandFailed: Int32 = 1
    public static let usage: Int32 = 2
    public static let sessionFile: Int32 = 3
}

/// Runs scripts and commands in batch: the script half of cts.
///
/// It reads sources, has the interpreter run their commands, and carries out the effects:
/// printing results and diagnostics, writing redirections, running includes.
public final class ScriptRunner {
    public let files = SourceFiles()
    public let interpreter: Interpreter
    let out: OutputSink
    let err: OutputSink
    var options: RunOptions
    /// Whether any command has failed so far.
    private(set) var failed = false
    private var quitRequested = false
    /// Files being included, outermost first, for cycle detection.
    private var includeStack: [String] = []

    static let includeLimit = 16
    static let prompt = "cts> "
    static let continuationPrompt = "...> "

    public init(options: RunOptions, out: OutputSink, err: OutputSink, today: Day) {
        self.options = options
        self.out = out
        self.err = err
        interpreter = Interpreter(files: files, systemToday: today)
        interpreter.settings.echo = options.echo
    }

    /// Runs everything the options name and returns the exit status.
    public func run(readStandardInput: () -> String?) -> Int32 {
        for path in options.scripts {
            guard runFile(path, includedAt: nil) else { return status }
            if quitRequested { return status }
        }
        for command in options.commands {
            guard runSource(name: "<command-line>", text: command, directory: ".") else { return status }
            if quitRequested { return status }
        }
        if options.scripts.isEmpty && options.commands.isEmpty, let text = readStandardInput() {
            _ = runSource(name: "<stdin>", text: text, directory: ".")
        }
        return status
    }

    var status: Int32 { failed ? ExitStatus.commandFailed : ExitStatus.success }

    /// Runs a script file; false when the run must stop.
    @discardableResult
    func runFile(_ path: String, includedAt: SourceRange?) -> Bool {
        switch Files.read(path) {
        case .failure(let error):
            report(.error("cannot read '\(path)': \(error.reason)", at: includedAt))
            return false
        case .success(let text):
            let canonical = Files.canonical(path)
            if includedAt != nil {
                if includeStack.contains(canonical) {
                    let cycle = (includeStack.drop { $0 != canonical } + [canonical]).map(shortName).joined(separator: " → ")
                    report(.error("include cycle: \(cycle)", at: includedAt))
                    return false
                }
                if includeStack.count >= Self.includeLimit {
                    report(.error("includes are nested more than \(Self.includeLimit) deep", at: includedAt))
                    return false
                }
            }
            includeStack.append(canonical)
            defer { includeStack.removeLast() }
            return runSource(name: path, text: text, directory: Files.directory(of: path))
        }
    }

    private func shortName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Parses a source a command at a time and runs each; false when the run must stop.
    ///
    /// Reading as it goes keeps a script of millions of lines in bounded memory. Without
    /// --keep-going the first error, syntax or runtime, stops the run; with a session file
    /// its transaction then makes the whole script apply nothing.
    func runSource(name: String, text: String, directory: String) -> Bool {
        let fileID = files.add(name: name, text: text)
        var parser = Parser(text: text, fileID: fileID)
        while let item = parser.nextItem() {
            switch item {
            case .error(let diagnostic):
                report(diagnostic)
                if !options.keepGoing && interpreter.settings.stopOnError { return false }
            case .command(let command):
                if !runCommand(command, directory: directory) { return false }
                if quitRequested { return true }
            }
        }
        return true
    }

    /// Runs one command and carries out its effects; false when the run must stop.
    func runCommand(_ command: Command, directory: String) -> Bool {
        if interpreter.settings.echo { out.raw(echoText(command)) }
        do {
            for effect in try interpreter.execute(command) {
                if !perform(effect, directory: directory) { return false }
            }
            return true
        } catch let diagnostic as Diagnostic {
            report(diagnostic)
        } catch is Interrupted {
            report(.error("interrupted", at: command.range))
        } catch {
            report(.error("\(error)", at: command.range))
        }
        return options.keepGoing || !interpreter.settings.stopOnError
    }

    private func perform(_ effect: Effect, directory: String) -> Bool {
        switch effect {
        case .confirmation(let text):
            if interpreter.settings.verbose || interpreter.settings.echo { out.print(text) }
        case .text(let text):
            out.print(text)
        case .table(let table, let format, let redirect):
            let name = format ?? interpreter.settings.format
            let outputFormat = OutputFormat(rawValue: name) ?? .table
            if let redirect {
                let rendered = Renderer.render(table, as: outputFormat, colorize: false)
                if let error = Files.write(rendered, to: redirect.path, append: redirect.append) {
                    report(.error("cannot write '\(redirect.path)': \(error.reason)", at: redirect.range))
                    return options.keepGoing
                }
            } else {
                out.raw(Renderer.render(table, as: outputFormat, colorize: colorOutput))
            }
        case .include(let path, let range):
            return runFile(Files.join(directory, path), includedAt: range) || options.keepGoing
        case .pause:
            break
        case .quit:
            quitRequested = true
        }
        return true
    }

    private var colorOutput: Bool {
        switch interpreter.settings.color {
        case .on: true
        case .off: false
        case .auto: out.isTerminal && Terminal.wantsColor(1)
        }
    }

    /// The command as typed, each line behind a prompt, for --echo.
    func echoText(_ command: Command) -> String {
        let file = files[command.range.fileID]
        var text = ""
        for line in command.range.start.line...command.range.end.line {
            text += (line == command.range.start.line ? Self.prompt : Self.continuationPrompt) + file.line(line) + "\n"
        }
        return text
    }

    func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { failed = true }
        err.raw(DiagnosticRenderer.render(diagnostic, files: files, colorize: err.isTerminal && Terminal.wantsColor(2)))
    }
}
