import CTSDomain

/// What `--dry-run` prints: per kind of record, how many would be added, changed and
/// removed, and which (the first ten ids); then every file the run would have written.
enum DryRun {
    /// A file a dry run did not write: redirections, `dump FILE`, `export`, `save FILE`.
    struct FileWrite: Equatable {
        enum Verb: String {
            case write = "written"
            case append = "appended to"
            case save = "saved the session to"
        }

        let verb: Verb
        let path: String
    }

    static func summary(_ changes: [ChangeSet], files: [FileWrite] = [], session: Session, path: String?) -> String {
        // The net effect on each record: added (and perhaps changed after), changed, or removed.
        struct Key: Hashable { let kind: EntityKind; let slot: Int }
        // Ids of every record the changes touch, removed ones included, to name keys by.
        var known: [Key: String] = [:]
        for set in changes {
            for change in set.changes {
                switch change {
                case .insert(let slot, let r), .update(let slot, _, let r), .delete(let slot, let r):
                    if let id = r.id { known[Key(kind: r.kind, slot: slot)] = id }
                case .settings: break
                }
            }
        }
        func name(_ record: Record, _ session: Session) -> String {
            Self.name(record, session) { kind, slot in known[Key(kind: kind, slot: slot)] }
        }
        var order: [Key] = []
        var net: [Key: (verb: String, name: String)] = [:]
        for set in changes {
            for change in set.changes {
                let (slot, record, verb): (Int, Record, String)
                switch change {
                case .insert(let s, let r): (slot, record, verb) = (s, r, "added")
                case .update(let s, _, let r): (slot, record, verb) = (s, r, "changed")
                case .delete(let s, let r): (slot, record, verb) = (s, r, "removed")
                case .settings: continue
                }
                let key = Key(kind: record.kind, slot: slot)
                switch (net[key]?.verb, verb) {
                case (nil, _):
                    order.append(key)
                    net[key] = (verb, name(record, session))
                case ("added", "removed"): net[key] = nil
                case ("added", _): break
                case ("removed", "added"): net[key] = ("changed", name(record, session))
                default: net[key] = (verb == "removed" ? "removed" : "changed", name(record, session))
                }
            }
        }
        var added: [EntityKind: [String]] = [:], changed: [EntityKind: [String]] = [:],
            removed: [EntityKind: [String]] = [:]
        var emitted = Set<Key>()
        for key in order where emitted.insert(key).inserted {
            guard let entry = net[key] else { continue }
            switch entry.verb {
            case "added": added[key.kind, default: []].append(entry.name)
            case "removed": removed[key.kind, default: []].append(entry.name)
            default: changed[key.kind, default: []].append(entry.name)
            }
        }
        var lines = ["dry run: nothing was written" + (path.map { " to \($0)" } ?? "") + "; the script would have"]
        for kind in EntityKind.dependencyOrder {
            for (verb, ids) in [("added", added[kind]), ("changed", changed[kind]), ("removed", removed[kind])] {
                guard let ids, !ids.isEmpty else { continue }
                var unique: [String] = []
                var seen = Set<String>()
                for id in ids where seen.insert(id).inserted { unique.append(id) }
                let shown = unique.prefix(10).joined(separator: ", ") + (unique.count > 10 ? ", …" : "")
                lines.append("  \(verb) \(Session.counted(unique.count, kind)): \(shown)")
            }
        }
        lines += settingsLines(changes)
        if lines.count == 1 { lines.append(files.isEmpty ? "  changed nothing" : "  changed no records") }
        for file in files { lines.append("  \(file.verb.rawValue) \(file.path)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `set today …` / `set day-hours …` for the settings whose net value changed.
    private static func settingsLines(_ changes: [ChangeSet]) -> [String] {
        let settings = changes.flatMap(\.changes).compactMap { change -> (SessionSettings, SessionSettings)? in
            if case .settings(let old, let new) = change { return (old, new) }
            return nil
        }
        guard let before = settings.first?.0, let after = settings.last?.1 else { return [] }
        var lines: [String] = []
        if before.today != after.today { lines.append("  set today \(after.today.map(\.description) ?? "system")") }
        if before.dayHours != after.dayHours { lines.append("  set day-hours \(after.dayHours)") }
        return lines
    }

    /// A record's id, or its key written out (`c1 in k1`, `nj.fin 2009`).
    private static func name(_ record: Record, _ session: Session, known: (EntityKind, Int) -> String?) -> String {
        session.name(of: record) { kind, slot in
            known(kind, slot) ?? (session.record(kind, slot) == nil ? "?" : session.name(of: kind, slot))
        }
    }
}
