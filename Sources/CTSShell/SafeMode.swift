import CTSInterpreter
import CTSLanguage

/// `--safe`, for scripts from untrusted sources (as sqlite3's `-safe`): a command that would
/// read or write any file but the session file of `-s` is refused, with the error at the file
/// it names, before the file is touched. It fails as any command does (exit 1; the run's
/// transaction takes back what the script changed, so the session file gets none of it), or
/// the run goes on under --keep-going. Nothing else changes.
///
/// The check sits where the shell carries out an ``Effect``, the one way a command reaches the
/// world; its switch has no default, so a new effect must say here whether it touches a file.
/// The scripts named on the command line are read (the user chose them); what they include is
/// not. Launch keeps the rc file from running, and the prompt's TAB completion from listing
/// directories.
///
///     SafeMode.refusal(of: .include(path: "x.cts", range: r), isSessionFile: { _ in false })
///     // include is not allowed with --safe: it reads 'x.cts'   (at r)
public enum SafeMode {
    /// How a refused command would have touched its file, as the message says it.
    public enum Access: String, Hashable, Sendable {
        case reads
        case writes
        case appendsTo = "appends to"
    }

    /// The error for `effect` when it reads or writes a file other than the session file
    /// (`isSessionFile` tells that one); nil for everything else.
    static func refusal(of effect: Effect, isSessionFile: (String) -> Bool) -> Diagnostic? {
        guard let (what, access, path, range) = fileTouched(by: effect, isSessionFile: isSessionFile) else {
            return nil
        }
        return .error(ShellProblem.refusedBySafe(what, access, path: path), at: range)
    }

    /// What `effect` is, how it touches which file and where that file is named; nil when it
    /// touches none but the session file.
    private static func fileTouched(
        by effect: Effect, isSessionFile: (String) -> Bool
    ) -> (String, Access, String, SourceRange)? {
        switch effect {
        case .include(let path, let range):
            return ("include", .reads, path, range)
        case .importRecords(_, let path, _, let range):
            // `-` too: standard input is a file the script did not come with.
            return ("import", .reads, path, range)
        case .export(_, let path, _, _, let range) where path != FileSink.standardOutput:
            return ("export", .writes, path, range)
        case .table(_, _, let redirect?):
            return redirect.append
                ? ("'>>'", .appendsTo, redirect.path, redirect.range)
                : ("'>'", .writes, redirect.path, redirect.range)
        case .dump(let path?, let range) where path != FileSink.standardOutput:
            // Even onto the session file: a script there is no session file any more.
            return ("dump to a file", .writes, path, range)
        case .saveSession(let path?, let range) where !isSessionFile(path):
            return ("save to another file", .writes, path, range)
        case .openSession(let path, let range) where !isSessionFile(path):
            return ("open", .reads, path, range)
        case .record(.start(let path, _, let range)):
            return ("record", .writes, path, range)
        case .confirmation, .text, .table, .pause, .newSession, .openSession, .saveSession, .dump, .export, .history,
            .record, .journal, .quit:
            return nil
        }
    }
}

extension ScriptRunner {
    /// Under --safe: reports `effect` when it would touch a file other than the session file,
    /// and returns true (it must not be carried out).
    func refusedBySafeMode(_ effect: Effect) -> Bool {
        guard options.safe, let refusal = SafeMode.refusal(of: effect, isSessionFile: sessionFile.isFile) else {
            return false
        }
        report(refusal)
        return true
    }

    /// Whether the run goes on after a command failed: in batch under --keep-going or
    /// `set errors continue`, never at the prompt (the input is taken back).
    var goesOnAfterFailure: Bool {
        !interactive && (options.keepGoing || !interpreter.settings.stopOnError)
    }
}
