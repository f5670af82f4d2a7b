#if canImport(Glibc)
    import Glibc
#endif
import CTSDomain
import CTSInterpreter
import CTSLanguage
import CTSOutput

/// The files commands write: redirections (`> FILE`, `>> FILE`), `dump FILE`, `export` and
/// `save FILE`. Every one goes through ``writeFile(_:to:append:range:as:)`` or
/// ``mayWrite(_:as:)``, the one place that knows --dry-run writes nothing and notes instead
/// what would have been written, for the summary.
extension ScriptRunner {
    /// Under --dry-run: notes the file for the summary and returns false (write nothing);
    /// otherwise true.
    func mayWrite(_ path: String, as verb: DryRun.FileWrite.Verb) -> Bool {
        sessionFile.mayWrite(path, as: verb)
    }

    /// Writes a file a command produced, as `fill` writes it to the sink a piece at a time;
    /// false (reported) when it cannot be written. Under --dry-run it only notes the file.
    func writeFile(
        to path: String, append: Bool, range: SourceRange, as verb: DryRun.FileWrite.Verb,
        prefix: String = "", _ fill: (inout FileSink) -> Void
    ) -> Bool {
        // Standard output is no file: a dry run writes it too.
        guard path == FileSink.standardOutput || mayWrite(path, as: verb) else { return true }
        var sink: FileSink
        switch FileSink.open(path, append: append) {
        case .failure(let error):
            report(.error(ShellProblem.cannotWrite(path, reason: error.reason), at: range))
            return false
        case .success(let opened): sink = opened
        }
        sink.prefix = prefix
        fill(&sink)
        if let error = sink.close() {
            report(.error(ShellProblem.cannotWrite(path, reason: error.reason), at: range))
            return false
        }
        return true
    }

    /// Writes a file whose text is already made (a session script, a small report).
    func writeFile(
        _ text: String, to path: String, append: Bool, range: SourceRange,
        as verb: DryRun.FileWrite.Verb
    ) -> Bool {
        writeFile(to: path, append: append, range: range, as: verb) { $0.write(text) }
    }

    /// Writes a workbook to `path` (or standard output, unless it is a terminal), replacing it
    /// whole or not at all; `make` builds it (an ``XLSXFile``). False when it could not.
    func writeWorkbook(to path: String, range: SourceRange, _ make: () throws -> XLSXFile) -> Bool {
        let toStandardOutput = path == FileSink.standardOutput
        if toStandardOutput && out.isTerminal {
            report(.error(ShellProblem.workbookToTerminal, at: range))
            return false
        }
        guard toStandardOutput || mayWrite(path, as: .write) else { return true }
        let zip: XLSXFile
        do {
            zip = try make()
        } catch let error as XLSXWorkbook.TooManyRows {
            report(.error(ShellProblem.tooManyRowsForASheet(error.rows), at: range))
            return false
        } catch {
            let reason = (error as? FileError)?.reason ?? "\(error)"
            report(.error(ShellProblem.cannotWrite(path, reason: reason), at: range))
            return false
        }
        defer { zip.remove() }
        return writeFile(to: path, append: false, range: range, as: .write) { sink in
            do {
                try zip.copy { sink.write(bytes: $0) }
            } catch {
                sink.abandon(errno: (error as? FileError)?.errno ?? EIO)
            }
        }
    }

    /// A confirmation of a file written ("dumped the session to F"); a dry run wrote nothing,
    /// so it confirms nothing (its summary lists the files).
    func confirmWrite(_ text: String) {
        if showsConfirmations && !sessionFile.isDryRun { out.print(text) }
    }

    /// `QUERY > FILE` and `QUERY >> FILE`, written row by row. Appending keeps the file one
    /// document of its format (``Renderer/appending(_:_:firstLine:)``): rows only onto a csv or
    /// tsv file with the same header, never onto json.
    func writeRedirect(_ table: ResultTable, _ spec: OutputSpec, to redirect: RedirectTarget) -> Bool {
        if spec.format == .xlsx {
            // The interpreter refuses `>>` for a workbook: it is one zip file.
            let written = writeWorkbook(to: redirect.path, range: redirect.range) {
                try XLSXFile(sheetName: table.title ?? "result", columns: table.columns) { book, emit in
                    try book.append(table, spec, emit)
                }
            }
            guard written else { return false }
            let rows = table.rows.count
            confirmWrite("wrote \(rows) row\(rows == 1 ? "" : "s") to \(redirect.path)")
            return true
        }
        var written = spec
        var prefix = ""
        if redirect.append {
            let existing: (text: String, endsWithNewline: Bool)?
            switch Files.firstLine(redirect.path) {
            case .failure(let error):
                report(.error(ShellProblem.cannotReadToAppend(redirect.path, reason: error.reason), at: redirect.range))
                return false
            case .success(let line): existing = line
            }
            let name = spec.format.rawValue
            switch Renderer.appending(table, spec, firstLine: existing?.text) {
            case .failure(.notAppendable):
                report(.error(ShellProblem.notAppendable(redirect.path, format: name), at: redirect.range))
                return false
            case .failure(.otherColumns(let old, let new)):
                report(.error(ShellProblem.otherColumns(redirect.path, old: old, new: new), at: redirect.range))
                return false
            case .success(let appended):
                written = appended
                // A file whose last line has no line break would get its first row glued on
                // (the sink writes this only if the result writes anything).
                if !(existing?.endsWithNewline ?? true) { prefix = "\n" }
            }
        }
        guard
            writeFile(
                to: redirect.path, append: redirect.append, range: redirect.range,
                as: redirect.append ? .append : .write, prefix: prefix,
                { Renderer.write(table, written, to: &$0) })
        else { return false }
        let rows = table.rows.count
        confirmWrite("\(redirect.append ? "appended" : "wrote") \(rows) row\(rows == 1 ? "" : "s") to \(redirect.path)")
        return true
    }
}

extension Files {
    /// The first line of a file (without its line break, up to 1 MiB of it) and whether the
    /// file ends in one; nil when the file is missing or empty, or not a regular file (a
    /// terminal, a pipe, /dev/null: what is appended there is not one document).
    static func firstLine(_ path: String) -> Result<(text: String, endsWithNewline: Bool)?, FileError> {
        var info = stat()
        if stat(path, &info) != 0 {
            return errno == ENOENT ? .success(nil) : .failure(FileError(path: path, errno: errno))
        }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return .success(nil) }
        guard let handle = fopen(path, "rb") else { return .failure(FileError(path: path, errno: errno)) }
        defer { fclose(handle) }
        var line: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var sawNewline = false
        while !sawNewline && line.count < 1 << 20 {
            let n = fread(&buffer, 1, buffer.count, handle)
            if n == 0 {
                if ferror(handle) != 0 { return .failure(FileError(path: path, errno: errno)) }
                break
            }
            if let newline = buffer[0..<n].firstIndex(of: UInt8(ascii: "\n")) {
                line.append(contentsOf: buffer[0..<newline])
                sawNewline = true
            } else {
                line.append(contentsOf: buffer[0..<n])
            }
        }
        guard sawNewline || !line.isEmpty else { return .success(nil) }
        // The last byte says whether a row appended now starts on a line of its own.
        var last: UInt8 = 0
        if fseek(handle, -1, SEEK_END) == 0 { last = UInt8(truncatingIfNeeded: fgetc(handle)) }
        return .success((String(decoding: line, as: UTF8.self), last == UInt8(ascii: "\n")))
    }
}
