#if canImport(Glibc)
    import Glibc
#endif

/// What reading a line gave.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C at the prompt: discard what was typed and prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfFile
    /// The input cannot be read any more (the terminal went away): nobody is there to answer.
    case closed
}

/// The seam between the shell and how lines are read: libedit at a terminal, plain reads
/// elsewhere, a list of lines in tests.
public protocol LineEditor: AnyObject {
    /// Reads one line after showing `prompt` (which may hold colour codes between `\u{1}` marks).
    func readLine(prompt: String) -> LineInput
    /// Records a complete command (possibly several lines) in the editor's history.
    func addHistory(_ entry: String)
    /// Reads one line with `prefill` already typed in, as if the user had typed it (`--step`).
    func readLine(prompt: String, prefill: String) -> LineInput
    /// Presenter mode: Ctrl-D at the end of a line that holds text ends the input too.
    func setCtrlDEndsAnyLine(_ on: Bool)
}

extension LineEditor {
    public func setCtrlDEndsAnyLine(_ on: Bool) {}
}

/// Reads plain lines from standard input: used when only one side is a terminal, or
/// with TERM=dumb. The prompt is printed only when standard output is a terminal.
public final class PlainLineEditor: LineEditor {
    let showPrompt: Bool

    public init(showPrompt: Bool) {
        self.showPrompt = showPrompt
    }

    public func readLine(prompt: String) -> LineInput {
        if showPrompt {
            OutputSink.standard(STDOUT_FILENO).raw(Self.stripMarkers(prompt))
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n < 0 && errno == EINTR { return .interrupted }
            if n < 0 && bytes.isEmpty { return .closed }
            if n <= 0 { return bytes.isEmpty ? .endOfFile : .line(String(decoding: bytes, as: UTF8.self)) }
            if byte == UInt8(ascii: "\n") { return .line(String(decoding: bytes, as: UTF8.self)) }
            bytes.append(byte)
        }
    }

    public func addHistory(_ entry: String) {}

    /// Without line editing the pending text is shown after the prompt: an empty line takes it,
    /// a line typed instead replaces it.
    public func readLine(prompt: String, prefill: String) -> LineInput {
        guard !prefill.isEmpty else { return readLine(prompt: prompt) }
        let input = readLine(prompt: prompt + prefill + "  ")
        return input == .line("") ? .line(prefill) : input
    }

    /// The prompt without colour codes and their `\u{1}` marks.
    static func stripMarkers(_ prompt: String) -> String {
        var out = ""
        var hidden = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1}" { hidden.toggle(); continue }
            if !hidden { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

/// Plays back given lines, for tests of the shell loop; after the last one the input is `.closed`.
public final class ScriptedLineEditor: LineEditor {
    public private(set) var inputs: [LineInput]
    public private(set) var prompts: [String] = []
    public private(set) var history: [String] = []
    /// The text each read had typed in already (empty for none).
    public private(set) var prefills: [String] = []

    public init(_ inputs: [LineInput]) {
        self.inputs = inputs
    }

    public func readLine(prompt: String) -> LineInput {
        prompts.append(PlainLineEditor.stripMarkers(prompt))
        return inputs.isEmpty ? .closed : inputs.removeFirst()
    }

    public func addHistory(_ entry: String) { history.append(entry) }

    public func readLine(prompt: String, prefill: String) -> LineInput {
        prefills.append(prefill)
        return readLine(prompt: prompt)
    }
}
