/// A paste read line by line the way a person reads a failed build's log: which lines
/// are errors, which are stack frames and runtime chatter around them, and which say
/// what failed (the root lines: a trace's exception, else the errors that are neither
/// wrappers nor warnings). `fix`, `create --from-error` and triage all read pastes
/// through it.
public struct PasteReading: Sendable {
    public enum Role: Sendable, Equatable {
        /// Says what failed: an exception line, or an error that is not a wrapper.
        case root
        /// Reads like an error but says only that something failed (`exit status 1`),
        /// or is a warning.
        case error
        /// A stack frame, a trace's header, a runtime's note.
        case trace
        case other
    }

    public let roles: [Role]
    /// Indexes of root lines, in order.
    public let rootLines: [Int]
    /// Indexes of the other error lines, in order.
    public let errorLines: [Int]

    /// The most lines read for roles: past that (a 10 MB paste), lines are `other`.
    static let maxLines = 50_000

    public init(lines: [NormalizedLine]) {
        let read = Array(lines.prefix(Self.maxLines))
        let trace = StackTraceReader.roles(of: read.map(\.message))
        var roles = [Role](repeating: .other, count: lines.count)
        for (k, line) in read.enumerated() {
            switch trace[k] {
            case .exception?: roles[k] = .root
            case .frame?, .context?: roles[k] = .trace
            case nil:
                guard ErrorVocabulary.readsLikeError(line.text), !ErrorVocabulary.readsLikeCommand(line.message) else { continue }
                roles[k] = Self.saysWhatFailed(line) ? .root : .error
            }
        }
        self.roles = roles
        rootLines = roles.indices.filter { roles[$0] == .root }
        errorLines = roles.indices.filter { roles[$0] == .error }
    }

    /// An error line that is neither a wrapper every failed build prints nor a warning.
    /// Kubernetes' `Warning  FailedScheduling …` is an event of type Warning, and the
    /// failure itself.
    static func saysWhatFailed(_ line: NormalizedLine) -> Bool {
        if ErrorBlockReader.isGeneric(line) { return false }
        let message = line.message
        if ErrorVocabulary.readsLikeWarning(message) { return isKubernetesEvent(message) }
        return true
    }

    /// `Warning  FailedScheduling  12s  default-scheduler  0/3 nodes are available …`.
    static func isKubernetesEvent(_ message: String) -> Bool {
        let words = message.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count >= 2, words[0] == "Warning" || words[0] == "Normal" else { return false }
        let reason = words[1]
        return reason.first?.isUppercase == true && reason.dropFirst().contains(where: \.isUppercase) && reason.allSatisfy(\.isLetter)
    }

    /// The line that best says what failed: the last exception of a Python traceback
    /// (its chain ends in what was raised last), the first of a Java or .NET trace, else
    /// the first root line.
    public func primaryLine(in lines: [NormalizedLine]) -> Int? {
        guard let first = rootLines.first else { return errorLines.first }
        let python = lines.prefix(Self.maxLines).contains { $0.message == "Traceback (most recent call last):" }
        if python, let last = rootLines.last(where: { StackTraceReader.isPythonException(lines[$0].message.trimmingBlanks()) }) {
            return last
        }
        return first
    }
}
