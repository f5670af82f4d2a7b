import CTSInterpreter
import CTSLanguage

/// `record`: starting, stopping and writing the recording of what is typed at the prompt.
extension ScriptRunner {
    /// Carries out `record FILE`, `record all FILE` or `record stop`; false when it failed.
    func record(_ request: RecordRequest) -> Bool {
        switch request {
        case .start(let path, let queries, let range):
            guard interactive else {
                report(.error(ShellProblem.recordOnlyAtPrompt, at: range))
                return false
            }
            let replay = interpreter.session === demoSession ? "cts --demo " : "cts "
            let recorder = Recorder(path: path, includesQueries: queries, replayedWith: replay + path)
            // The file is made now, so a path that cannot be written is an error here, not later.
            guard write(recorder, at: range) else { return false }
            recording = recorder
            recordingWasSwitched = true
            out.print("recording to \(path)\(queries ? " (queries too)" : ""); 'record stop' ends it")
        case .stop(let range):
            guard let recorder = recording else {
                report(.error(ShellProblem.notRecording, at: range))
                return false
            }
            recording = nil
            recordingWasSwitched = true
            out.print("recorded to \(recorder.path)")
        }
        return true
    }

    /// Adds an input that ran without an error to the recording, and rewrites the file.
    func keepInRecording(_ text: String, _ stacksBefore: Recorder.Stacks) {
        guard let recorder = recording else { return }
        if recorder.ran(text, before: stacksBefore, after: recorder.stacks(of: interpreter)) {
            _ = write(recorder, at: nil)
        }
    }

    private func write(_ recorder: Recorder, at range: SourceRange?) -> Bool {
        if let error = Files.write(recorder.script, to: recorder.path, append: false) {
            report(.error(ShellProblem.cannotWrite(recorder.path, reason: error.reason), at: range))
            return false
        }
        return true
    }
}
