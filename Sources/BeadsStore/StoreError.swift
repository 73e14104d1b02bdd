/// What can go wrong in the store, each case saying what to do about it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case badJSONL(path: String, line: Int, reason: String)
    case io(path: String, reason: String)
    case beadNotFound(String)
    case beadExists(String)
    case invalidField(field: String, reason: String)
    case database(String)
    /// Another process held the write lock longer than beads waits.
    case busy(path: String, seconds: Int)
    /// The database or its folder cannot be written.
    case readOnly(path: String, reason: String)
    /// The database file is damaged or not a database: it is a working copy, rebuilt.
    case corrupt(path: String, reason: String)
    /// The JSONL was replaced (a `git pull`) while a write was under way; the write is
    /// retried on top of it, and this reaches a user only if it keeps happening.
    case fileMoved(path: String)

    public var description: String {
        switch self {
        case let .badJSONL(path, line, reason):
            return "\(path):\(line): \(reason); nothing from this file was imported. Fix the line and run the command again."
        case let .io(path, reason):
            return "\(path) \(reason)"
        case let .beadNotFound(id):
            return "no bead has the id \(id); `beads list --all` shows every bead"
        case let .beadExists(id):
            return "a bead with the id \(id) already exists"
        case let .invalidField(field, reason):
            return "\(field): \(reason)"
        case let .database(reason):
            return "the database failed: \(reason). The store is unchanged."
        case let .busy(path, seconds):
            return
                "another beads process held \(path) for \(seconds) s and still does; nothing was changed. Try again when it is done (`fuser \(path)` names it; BEADS_LOCK_TIMEOUT=SECONDS waits longer)."
        case let .readOnly(path, reason):
            return
                "\(path) cannot be written (\(reason)): the knowledge base's beads/ folder or database is read-only; nothing was changed. Writing needs a writable checkout."
        case let .fileMoved(path):
            return "\(path) kept changing while beads wrote it (a git pull or another tool); nothing was changed. Run the command again."
        case let .corrupt(path, reason):
            return
                "\(path) is damaged (\(reason)). It is only a working copy: delete it (and its -wal and -shm files) and the next command rebuilds it from beads/issues.jsonl and docs/."
        }
    }
}
