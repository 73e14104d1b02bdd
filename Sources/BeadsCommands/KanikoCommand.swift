import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct KanikoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaniko",
        abstract: "Build images in the cluster with Kaniko, where a local docker build cannot work.",
        discussion: HelpText.prose(
            """
            Defaults come from the kaniko: section of beads/config.yaml (namespace, secret,
            registry, executor image, images). Upstream Kaniko was archived in June 2025: set
            kaniko.executor to the fork or mirror your team trusts.
            """),
        subcommands: [KanikoBuildCommand.self, KanikoSecretCommand.self])
}

/// Options both Kaniko subcommands take.
struct KanikoOptions: ParsableArguments {
    @Option(help: "Namespace of the Jobs and the secret.")
    var namespace: String?
    @Option(help: "Name of the registry secret (mounted at /kaniko/.docker).")
    var secret: String?
    @Flag(help: "Print the manifests and stop.")
    var dryRun = false

    func settings(_ base: KnowledgeBase?) throws -> KanikoSettings {
        var settings = KanikoSettings()
        if let base {
            settings = try KanikoSettings.load(path: base.location.configPath)
        }
        if let namespace { settings.namespace = namespace }
        if let secret { settings.secret = secret }
        return settings
    }
}
