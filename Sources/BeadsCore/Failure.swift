/// What went wrong in a use case, said so that a person knows what to do, and what kind
/// of failure it is. Each front door turns the kind into its own terms in one place: an
/// exit status in the CLI, an HTTP status in the server, a tool error in MCP.
public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The request was wrong: an argument, a field, a setting.
        case usage
        /// What it names does not exist.
        case notFound
        /// It may not be done here (a read-only checkout, a run not allowed).
        case refused
        /// It contradicts what is there (a changed script, an id taken).
        case conflict
        /// It was tried and did not work.
        case failed
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
