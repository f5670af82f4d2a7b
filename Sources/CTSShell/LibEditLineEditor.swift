#if canImport(Glibc)
    import Glibc
#endif
import CLineEdit
import CLineEditShim
import CTSOutput

/// Line editing with the system libedit: emacs keys (and the user's ~/.editrc), history with
/// fish-style prefix search on ↑/↓, Ctrl-R incremental search, and TAB completion.
///
/// Used only when standard input and output are both terminals: elsewhere raw key codes
/// would reach the line. `Terminal.useLocaleWithUTF8()` must have run before it is created, or
/// libedit drops non-ASCII input; lines are read with the wide-character `el_wgets`.
public final class LibEditLineEditor: LineEditor {
    private let editLine: OpaquePointer
    private let historyHandle: OpaquePointer
    /// Completes the line before the cursor (its UTF-8 bytes, and their count).
    private let complete: (String, Int) -> Completion
    /// The line as it was after the last TAB, to tell a second TAB in a row.
    private var lineAtLastTab: String?

    public init?(history: History, complete: @escaping (String, Int) -> Completion) {
        guard let editLine = cle_init("cts"), let historyHandle = history_init() else { return nil }
        self.editLine = editLine
        self.historyHandle = historyHandle
        self.complete = complete
        _ = cle_history_setsize(historyHandle, Int32(History.limit))
        for entry in history.entries { _ = cle_history_enter(historyHandle, entry) }
        _ = cle_set_editor(editLine, "emacs")
        _ = cle_set_history(editLine, historyHandle)
        _ = cle_set_signal(editLine, 1)
        _ = cle_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = cle_add_function(editLine, "cts-complete", "Complete the word before the cursor", completeCallback)
        bindKeys()
        _ = cle_source(editLine)  // ~/.editrc, after our bindings so the user's win
    }

    deinit {
        el_end(editLine)
        history_end(historyHandle)
    }

    private func bindKeys() {
        let bindings: [(String, String)] = [
            ("^I", "cts-complete"),
            ("^R", "em-inc-search-prev"),
            // ↑ and ↓ search the history for entries starting with what is typed (fish).
            ("\\e[A", "ed-search-prev-history"), ("\\eOA", "ed-search-prev-history"),
            ("\\e[B", "ed-search-next-history"), ("\\eOB", "ed-search-next-history"),
            ("\\e[H", "ed-move-to-beg"), ("\\eOH", "ed-move-to-beg"), ("\\e[1~", "ed-move-to-beg"),
            ("\\e[F", "ed-move-to-end"), ("\\eOF", "ed-move-to-end"), ("\\e[4~", "ed-move-to-end"),
            ("\\e[3~", "ed-delete-next-char"),
        ]
        for (key, command) in bindings { _ = cle_bind(editLine, key, command) }
    }

    public func readLine(prompt: String) -> LineInput {
        _ = cle_set_prompt(editLine, prompt)
        lineAtLastTab = nil
        var count: Int32 = 0
        errno = 0
        // The wide-character API: libedit hands back Unicode scalars, so nothing depends on
        // how a multi-byte character was split across reads.
        guard let pointer = el_wgets(editLine, &count) else {
            // libedit: 0 for Ctrl-D on an empty line, -1 with errno for a failed read.
            if count == -1 { return errno == EINTR ? .interrupted : .closed }
            return .endOfFile
        }
        var scalars = String.UnicodeScalarView()
        for i in 0..<Int(count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: Int32(pointer[i]))) { scalars.append(scalar) }
        }
        var line = String(scalars)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public func addHistory(_ entry: String) {
        _ = cle_history_enter(historyHandle, entry)
    }

    /// The text goes into libedit's input queue (`el_push`), so the line opens with it typed in.
    public func readLine(prompt: String, prefill: String) -> LineInput {
        if !prefill.isEmpty { cle_push(editLine, String(prefill.map { $0 == "\t" ? " " : $0 })) }
        return readLine(prompt: prompt)
    }

    public func setCtrlDEndsAnyLine(_ on: Bool) {
        _ = cle_set_ctrl_d_ends(editLine, on ? 1 : 0)
    }

    // MARK: - TAB

    /// Handles TAB: one candidate completes; several complete their common prefix; a second
    /// TAB in a row that adds nothing lists them in columns, each with its record's name.
    fileprivate func handleTab() -> UInt8 {
        let before = currentLine()
        let completion = complete(before, before.utf8.count)
        let candidates = completion.candidates
        defer { lineAtLastTab = currentLine() }
        guard !candidates.isEmpty else { return UInt8(CC_ERROR) }
        if candidates.count == 1 {
            let only = candidates[0]
            replace(completion.prefix, with: only.text + (only.appendSpace ? " " : ""))
            return UInt8(CC_REFRESH)
        }
        if completion.commonPrefix.unicodeScalars.count > completion.prefix.unicodeScalars.count {
            replace(completion.prefix, with: completion.commonPrefix)
            return UInt8(CC_REFRESH)
        }
        guard lineAtLastTab == before else { return UInt8(CC_ERROR) }
        let listing = Self.columns(candidates, width: Int(cle_terminal_columns(editLine)))
        OutputSink.standard(STDOUT_FILENO).raw("\n" + listing)
        return UInt8(CC_REDISPLAY)
    }

    /// The line being edited, up to the cursor.
    private func currentLine() -> String {
        var start: UnsafePointer<CChar>?
        let length = Int(cle_line_before_cursor(editLine, &start))
        return start.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
    }

    /// Replaces the typed prefix (which may differ in case) with `text`.
    private func replace(_ prefix: String, with text: String) {
        let typed = prefix.unicodeScalars.count
        if typed > 0 { el_deletestr(editLine, Int32(typed)) }
        _ = cle_insert(editLine, text)
    }

    /// Candidates laid out in columns across the terminal, at most 200 shown.
    static func columns(_ candidates: [CompletionCandidate], width: Int) -> String {
        let shown = candidates.prefix(200)
        // Ids and names are data: escaped, and measured so.
        let cells = shown.map { c in
            TerminalText.escaped(c.detail.map { "\(c.text) (\(Self.shorten($0)))" } ?? c.text)
        }
        let cellWidth = (cells.map(DisplayWidth.of).max() ?? 0) + 2
        let perRow = max(1, width / max(cellWidth, 1))
        let rows = (cells.count + perRow - 1) / perRow
        var out = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<perRow {
                let i = column * rows + row
                guard i < cells.count else { continue }
                let cell = cells[i]
                line +=
                    cell
                    + (column == perRow - 1 ? "" : String(repeating: " ", count: cellWidth - DisplayWidth.of(cell)))
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        if candidates.count > shown.count { out += "… and \(candidates.count - shown.count) more\n" }
        return out
    }

    private static func shorten(_ text: String) -> String {
        text.count > 30 ? String(text.prefix(29)) + "…" : text
    }
}

/// libedit calls this C function for TAB; it finds the editor through the client data.
private func completeCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editLine, let data = cle_get_clientdata(editLine) else { return UInt8(CC_ERROR) }
    return Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue().handleTab()
}
