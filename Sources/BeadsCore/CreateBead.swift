import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// Creates a bead: with a hash id (or the one given, or PARENT.N under a parent), its
/// dependencies checked, and, made from a pasted error, that error's generalised signature
/// so that the next paste of it is recognised. What `beads create` and MCP's create_bead do.
public struct CreateBead: Sendable {
    public struct Request: Sendable {
        public var title: String?
        public var description = ""
        public var priority = 2
        public var type = "task"
        public var assignee: String?
        public var labels: [String] = []
        public var id: String?
        public var parent: String?
        public var dependencies: [(type: DependencyType, target: String)] = []
        /// The error the bead is made from, as pasted: its secrets are masked here.
        public var pastedError: String?

        public init(title: String?) { self.title = title }
    }

    public struct Outcome: Sendable {
        public var bead: Bead
        /// Known errors the pasted error already matches: a second bead for one of them
        /// splits its history in two, which the front door says.
        public var alreadyKnown: [KnownErrorMatch]
    }

    let base: KnowledgeBase
    let environment: [String: String]

    public init(base: KnowledgeBase, environment: [String: String]) {
        self.base = base
        self.environment = environment
    }

    public func callAsFunction(_ request: Request, now date: Date = Date()) throws -> Outcome {
        var signature: ErrorSignature.Generalized?
        var known: [KnownErrorMatch] = []
        if let pasted = request.pastedError {
            let masked = SecretMasker(environment: environment).mask(pasted)
            guard let generalized = ErrorSignature.generalize(masked) else {
                throw Failure(
                    .usage,
                    "the pasted text has no line distinctive enough to recognise it by (lines that only say a step failed, such as \"Process completed with exit code 1\", are not): paste the error lines above them"
                )
            }
            signature = generalized
            known = try KnownErrorFinder(store: base.store).diagnose(masked).matches
        }
        guard let title = request.title ?? signature.map({ "Known error: " + Self.clip($0.text, 90) }) else {
            throw Failure(.usage, "give the bead a title, or the error it is made from")
        }
        let description =
            request.description.isEmpty && signature != nil
            ? "Recorded from a pasted error:\n\n    \(signature!.text)" : request.description
        let issueType: String
        do {
            issueType = try IssueType.validated(request.type, custom: base.config.customTypes)
        } catch {
            throw Failure(.usage, error.description)
        }
        for dep in request.dependencies where try base.store.bead(dep.target) == nil {
            throw Failure(.notFound, "dependency \(dep.type):\(dep.target): " + StoreError.beadNotFound(dep.target).description)
        }
        let now = Timestamp.now(date)
        let creator = base.store.actor
        let newID: NewBeadID =
            if let id = request.id { .given(id) } else if let parent = request.parent { .child(of: parent) } else {
                .hashed(BeadID.Seed(prefix: base.config.prefix, title: title, description: description, creator: creator, createdAt: date))
            }
        let bead = try base.store.create(newID) { id in
            var bead = Bead(
                id: id, title: title, description: description, priority: request.priority, issueType: issueType,
                assignee: request.assignee, labels: request.labels, createdAt: now, updatedAt: now,
                extra: [("created_by", .string(creator))])
            if let parent = request.parent { _ = bead.addDependency(on: parent, type: .parentChild, at: now, by: creator) }
            if let signature { bead.setExtra("error_signatures", .array([ErrorSignature.json(signature)])) }
            for dep in request.dependencies { _ = bead.addDependency(on: dep.target, type: dep.type, at: now, by: creator) }
            return bead
        }
        return Outcome(bead: bead, alreadyKnown: known)
    }

    /// A long text as one line shows it: its start and its end, the middle cut.
    public static func clip(_ text: String, _ limit: Int = 110) -> String {
        guard text.count > limit else { return text }
        let half = (limit - 3) / 2
        return text.prefix(half) + " … " + text.suffix(half)
    }
}
