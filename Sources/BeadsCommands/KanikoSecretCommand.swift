import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct KanikoSecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret",
        abstract: "Create the registry secret Kaniko pushes with, from GITHUB_TOKEN (never from the command line).",
        discussion: "The token is read from GITHUB_TOKEN or GH_TOKEN and reaches kubectl only on its standard input.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var options: KanikoOptions
    @Option(help: "Registry user name (default: kaniko.username).")
    var username: String?

    func run() async throws {
        let base = try kb.openIfPresent()
        let settings = try options.settings(base)
        let environment = CommandContext.current.environment
        guard
            let token = environment["GITHUB_TOKEN"].flatMap({ $0.isEmpty ? nil : $0 })
                ?? environment["GH_TOKEN"].flatMap({ $0.isEmpty ? nil : $0 })
        else {
            throw CommandFailure(KanikoError.noToken.description)
        }
        guard let user = username ?? settings.username else {
            throw CommandFailure.usage("name the registry user with --username (or kaniko.username in beads/config.yaml)")
        }
        if options.dryRun {
            let masked = SecretMasker(environment: environment).mask(settings.secretManifest(token: "***", username: user).prettyEncoded())
            Terminal.standardOutput.write(masked + "\n(dry run: the token is shown as ***; the real manifest carries it base64-encoded)\n")
            return
        }
        let kubectl: Kubectl
        kubectl = try Kubectl(environment: environment, namespace: settings.namespace)
        try await KanikoBuilder(settings: settings, kubectl: kubectl).applySecret(token: token, username: user)
        Terminal.standardOutput.write(
            "Secret \(settings.secret) for \(settings.registry) (user \(user)) applied in namespace \(settings.namespace).\n")
    }
}
