/// What can go wrong in the store, each case saying what to do about it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case badJSONL(path: String, line: Int, reason: String)
    case io(path: String, reason: String)
    case beadNotFound(String)
    case beadExists(String)
    case invalidField(field: String, reason: String)
    case database(String)

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
            return "the database failed: \(reason). The store is unchanged; delete beads/beads.db to rebuild it from beads/issues.jsonl and docs/."
        }
    }
}
