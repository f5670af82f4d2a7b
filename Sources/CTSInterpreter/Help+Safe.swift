/// `help safe`: what `cts --safe` refuses and what it does not protect against. The shell's
/// SafeMode does the refusing; docs/language.md says the same at more length.
extension Help {
    static let safe = """
        cts --safe -s FILE SCRIPT, for a script from an untrusted source (as sqlite3's
        -safe): a command that would read or write a file other than the session file
        of -s is refused, with the error at the file it names, and fails as any command
        does (exit 1, the session file left as it was; --keep-going goes on):
          include "F"   import ... from "F"   export ... to "F"   open F (another file)
          save F (another file)   dump F   QUERY > F   QUERY >> F   record F
        Everything else runs as without --safe: save and autosave to the session file,
        dump to the screen, new (in memory). The scripts named on the command line are
        read (you chose them); what they include is not. The rc file is not run; with -i
        the prompt keeps the restriction, and TAB completes no file names.
        Not protected: CPU time and memory (a script can run long), the size of the
        session file, what is printed to the terminal, and the session file itself,
        which the script may change as it likes: give it a copy.
        """
}
