import BeadsStore
import Foundation

/// What a recipe run needs beyond the recipe itself.
public struct RecipeRunRequest: Sendable {
    public var recipe: RecipeRecord
    public var beadID: String?
    /// The pasted error, if the run came from `fix`. It reaches the script only as
    /// data: `BEADS_ERROR` (the first 64 KiB) and the file `BEADS_ERROR_FILE`.
    public var paste: String?
    public var knowledgeBaseRoot: String
    /// The folder of the running `beads`, put first on PATH so recipes can call it.
    public var beadsDirectory: String?
    public var environment: [String: String]
    public var timeout: Duration?
    public var actor: String

    public init(
        recipe: RecipeRecord, beadID: String?, paste: String?, knowledgeBaseRoot: String, beadsDirectory: String?,
        environment: [String: String], timeout: Duration?, actor: String
    ) {
        self.recipe = recipe
        self.beadID = beadID
        self.paste = paste
        self.knowledgeBaseRoot = knowledgeBaseRoot
        self.beadsDirectory = beadsDirectory
        self.environment = environment
        self.timeout = timeout
        self.actor = actor
    }
}

public enum RecipeRunError: Error, Sendable, CustomStringConvertible {
    case unsupportedLanguage(recipe: String, language: String)
    case interpreterMissing(String)
    case cannotPrepare(String)

    public var description: String {
        switch self {
        case let .unsupportedLanguage(recipe, language):
            return "recipe \(recipe) is written in \(language), which beads does not run; use a bash or sh block"
        case let .interpreterMissing(name):
            return "\(name) is not on PATH, and the recipe needs it to run"
        case let .cannotPrepare(reason):
            return "cannot prepare the recipe's script: \(reason)"
        }
    }
}

/// Runs a doc's recipe the safe way: its text as a script file for its interpreter,
/// parameters only in environment variables, output streamed through the secret
/// masker, the child's whole process group ended on Ctrl-C or time-out, and every
/// run recorded.
public struct RecipeRunner: Sendable {
    public let store: BeadStore
    static let interpreters: [String: String] = [
        "bash": "bash", "sh": "sh", "shell": "sh", "console": "sh", "zsh": "zsh", "python": "python3", "python3": "python3",
    ]
    static let pasteEnvironmentLimit = 65_536
    static let storedOutputLimit = 65_536

    public init(store: BeadStore) {
        self.store = store
    }

    /// Whether the recipe's current text is the one last approved.
    public func isApproved(_ recipe: RecipeRecord) throws(StoreError) -> Bool {
        try store.approvedHash(recipe: recipe.name, docPath: recipe.docPath) == recipe.bodyHash
    }

    public func approve(_ recipe: RecipeRecord, actor: String) throws(StoreError) {
        try store.approve(recipe: recipe.name, docPath: recipe.docPath, bodyHash: recipe.bodyHash, actor: actor, at: StoreClock.timestamp())
    }

    /// Runs the recipe; `write` receives its masked output as it arrives.
    public func run(_ request: RecipeRunRequest, write: @escaping @Sendable (String) -> Void) async throws -> (
        RecipeRunRecord, ChildOutcome
    ) {
        let recipe = request.recipe
        guard let interpreterName = Self.interpreters[recipe.language.lowercased()] else {
            throw RecipeRunError.unsupportedLanguage(recipe: recipe.name, language: recipe.language)
        }
        var environment = request.environment
        if let dir = request.beadsDirectory {
            environment["PATH"] = dir + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        }
        guard let interpreter = CommandLocator(environment: environment).find(interpreterName) else {
            throw RecipeRunError.interpreterMissing(interpreterName)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("beads-run-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try recipe.body.write(to: scratch.appendingPathComponent("recipe"), atomically: true, encoding: .utf8)
        } catch {
            throw RecipeRunError.cannotPrepare(error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: scratch) }

        environment["BEADS_RECIPE"] = recipe.name
        environment["BEADS_DIR"] = request.knowledgeBaseRoot
        environment["BEADS_BEAD"] = request.beadID ?? ""
        if let paste = request.paste {
            let file = scratch.appendingPathComponent("error.txt")
            try? paste.write(to: file, atomically: true, encoding: .utf8)
            environment["BEADS_ERROR_FILE"] = file.path
            environment["BEADS_ERROR"] = String(decoding: paste.utf8.prefix(Self.pasteEnvironmentLimit), as: UTF8.self)
        }

        let masker = SecretMasker(environment: environment)
        let writer = MaskingLineWriter(masker: masker, sink: write)
        let started = StoreClock.timestamp()
        // Shell recipes stop at the first failing command (and, in bash, the first failing
        // pipe stage): a fix whose build step was refused must not go on to push.
        let strictness: [String] =
            switch interpreterName {
            case "bash", "zsh": ["-e", "-o", "pipefail"]
            case "sh": ["-e"]
            default: []
            }
        let child = ChildProcess(
            executable: interpreter, arguments: strictness + [scratch.appendingPathComponent("recipe").path], environment: environment,
            workingDirectory: request.knowledgeBaseRoot, timeout: request.timeout)
        let outcome = try await child.run { data, _ in writer.write(data) }
        writer.flush()
        let outcomeName =
            outcome.timedOut ? "timed out" : outcome.interrupted ? "interrupted" : outcome.exitCode == 0 ? "succeeded" : "failed"
        let record = RecipeRunRecord(
            recipe: recipe.name, docPath: recipe.docPath, beadID: request.beadID, actor: request.actor, startedAt: started,
            endedAt: StoreClock.timestamp(), exitCode: Int(outcome.exitCode),
            durationMilliseconds: Int(
                outcome.duration.components.seconds * 1000 + outcome.duration.components.attoseconds / 1_000_000_000_000_000),
            outcome: outcomeName, bodyHash: recipe.bodyHash,
            output: String(masker.mask(outcome.output).suffix(Self.storedOutputLimit)))
        var stored = record
        stored.id = try store.recordRun(record)
        return (stored, outcome)
    }
}
