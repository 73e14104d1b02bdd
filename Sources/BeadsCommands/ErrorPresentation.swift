import BeadsCore
import BeadsKnowledge
import BeadsRemedy
import BeadsStore

/// An error that knows how it is told to a person and which exit status it ends a
/// command with. `BeadsCommand.runMain` is the one place that turns errors into
/// messages and statuses; commands just `try`.
protocol PresentableError: Error {
    var message: String { get }
    var exitCode: Int32 { get }
}

/// The exit statuses every command shares (`beads --help` lists them).
enum ExitStatus {
    static let notFound: Int32 = 1
    static let usage: Int32 = 2
    static let refused: Int32 = 3
    static let timedOut: Int32 = 124
}

extension CommandFailure: PresentableError, CustomStringConvertible {
    public var description: String { message }
}

/// A use case's failure as the shell says it: the one place kinds become exit statuses.
extension Failure: PresentableError {
    var exitCode: Int32 {
        switch kind {
        case .usage: ExitStatus.usage
        case .refused: ExitStatus.refused
        case .notFound, .conflict, .failed: ExitStatus.notFound
        }
    }
}

extension StoreError: PresentableError {
    var message: String { description }
    var exitCode: Int32 { ExitStatus.notFound }
}

extension KnowledgeError: PresentableError {
    var message: String { description }
    /// No knowledge base where the command was run is a matter of how it was called.
    var exitCode: Int32 {
        switch self {
        case .noKnowledgeBase, .notAKnowledgeBase: ExitStatus.usage
        case .badConfig, .store: ExitStatus.notFound
        }
    }
}

extension KanikoError: PresentableError {
    var message: String { description }
    var exitCode: Int32 { ExitStatus.notFound }
}

extension ActionsError: PresentableError {
    var message: String { description }
    var exitCode: Int32 {
        if case .timedOut = self { return ExitStatus.timedOut }
        return ExitStatus.notFound
    }
}

extension RecipeRunError: PresentableError {
    var message: String { description }
    var exitCode: Int32 { ExitStatus.notFound }
}

extension BeadDecodingError: PresentableError {
    var message: String { description }
    var exitCode: Int32 { ExitStatus.notFound }
}
