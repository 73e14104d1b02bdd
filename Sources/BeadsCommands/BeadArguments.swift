import ArgumentParser
import BeadsKnowledge
import BeadsStore

/// How a priority, a status and an issue type given on the command line are read, the
/// same for every command: a value that is not one is a usage error (exit 2) naming
/// the values there are.
enum BeadArguments {
    /// `1` or `P1`.
    @Sendable static func priority(_ text: String) throws -> Int {
        guard let value = BeadPriority.parse(text) else { throw ValidationError(BeadPriority.problem(text)) }
        return value
    }

    /// A status a person may set.
    @Sendable static func status(_ text: String) throws -> BeadStatus {
        guard let status = BeadStatus.parse(text) else { throw ValidationError(BeadStatus.problem(text)) }
        return status
    }

    /// A status to filter by (tombstone included).
    @Sendable static func statusFilter(_ text: String) throws -> BeadStatus {
        guard let status = BeadStatus.parse(text, filtering: true) else { throw ValidationError(BeadStatus.problem(text)) }
        return status
    }

    /// The canonical issue type; types come from the knowledge base's config too, so
    /// this is checked once it is open.
    static func issueType(_ name: String, in base: KnowledgeBase) throws -> String {
        do {
            return try IssueType.validated(name, custom: base.config.customTypes)
        } catch {
            throw CommandFailure.usage(error.description)
        }
    }

    /// A span of time back from now: `90m`, `24h`, `7d`, `2w`. Seconds.
    @Sendable static func duration(_ text: String) throws -> Double {
        let units: [Character: Double] = ["m": 60, "h": 3_600, "d": 86_400, "w": 7 * 86_400]
        guard let unit = text.last.flatMap({ units[$0] }), let amount = Double(text.dropLast()), amount > 0 else {
            throw ValidationError("\(text) is not a span of time: a number and m, h, d or w (90m, 24h, 7d, 2w)")
        }
        return amount * unit
    }
}

extension DependencyType: ExpressibleByArgument {
    public init?(argument: String) {
        guard let type = DependencyType.parse(argument) else { return nil }
        self = type
    }
}
