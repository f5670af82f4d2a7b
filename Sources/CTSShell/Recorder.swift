import CTSInterpreter

/// `record FILE`: the commands typed at the prompt that changed the session (and, with
/// `record all`, the queries too), kept as a script that replays the session, and written
/// whole to FILE after each change so the file always holds a clean script.
///
/// Only what succeeded is kept: the runner hands over an input after it ran without an error.
/// `undo` takes the undone command out of the script and `redo` puts it back, so the file is
/// the session as it stands, not the path the user took to it. The recorder learns what an
/// input did from the interpreter's undo and redo stacks, before and after it ran:
///
///     let before = recorder.stacks(of: interpreter)
///     runner.run(line)
///     recorder.ran(line, before: before, after: recorder.stacks(of: interpreter))
final class Recorder {
    let path: String
    let includesQueries: Bool
    /// The command line that replays it (`cts --demo FILE` when it began on the demo).
    let replayedWith: String
    /// The script so far: each input as typed, with the undo steps it made (0 for a query).
    private var entries: [Entry] = []
    /// Inputs taken out by `undo`, last undone last, for `redo` to put back.
    private var undone: [Entry] = []

    struct Entry {
        var text: String
        var steps: Int
    }

    /// The sizes of the undo and redo stacks: what tells an undo from a change.
    struct Stacks: Equatable {
        var undo: Int
        var redo: Int
    }

    init(path: String, includesQueries: Bool, replayedWith: String? = nil) {
        self.path = path
        self.includesQueries = includesQueries
        self.replayedWith = replayedWith ?? "cts " + path
    }

    func stacks(of interpreter: Interpreter) -> Stacks {
        Stacks(undo: interpreter.undoStack.count, redo: interpreter.redoStack.count)
    }

    /// Takes note of an input that ran without an error; true when the script changed.
    func ran(_ text: String, before: Stacks, after: Stacks) -> Bool {
        let undoneSteps = before.undo - after.undo
        let redoneSteps = before.redo - after.redo
        if undoneSteps > 0, after.redo - before.redo == undoneSteps {
            takeBack(undoneSteps)
        } else if redoneSteps > 0, after.undo - before.undo == redoneSteps {
            putBack(redoneSteps)
        } else if after != before || (after.undo == 0 && before.undo == 0 && changesWithoutSteps(text)) {
            // A change, or a command that replaced the session (`new`, `open`: both stacks empty).
            undone = []
            entries.append(Entry(text: text, steps: max(after.undo - before.undo, 1)))
        } else if includesQueries {
            entries.append(Entry(text: text, steps: 0))
        } else {
            return false
        }
        return true
    }

    /// The script the file holds.
    var script: String {
        "# recorded at the cts prompt; replay it with: " + replayedWith + "\n"
            + entries.map { $0.text.hasSuffix("\n") ? $0.text : $0.text + "\n" }.joined()
    }

    /// `undo` of `steps` steps: the latest changes leave the script (queries stay).
    private func takeBack(_ steps: Int) {
        var left = steps
        while left > 0, let index = entries.lastIndex(where: { $0.steps > 0 }) {
            left -= entries[index].steps
            undone.append(entries.remove(at: index))
        }
    }

    /// `redo` of `steps` steps: the changes undo took out come back, in their order.
    private func putBack(_ steps: Int) {
        var left = steps
        while left > 0, let entry = undone.popLast() {
            left -= entry.steps
            entries.append(entry)
        }
    }

    /// `new` and `open` change the session without leaving a step to undo; with no steps
    /// before or after, the stacks cannot tell them from a query, so their name does.
    private func changesWithoutSteps(_ text: String) -> Bool {
        let word = text.drop(while: \.isWhitespace).prefix(while: { !$0.isWhitespace })
        return word == "new" || word == "open"
    }
}
